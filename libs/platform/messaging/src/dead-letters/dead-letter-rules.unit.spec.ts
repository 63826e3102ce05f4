import { deadLetterMessageOf } from '../delivery-policy';
import type { DeliveredMessage } from '../message-bus.port';
import {
  NotADeadLetterError,
  NotADeadLetterTopicError,
  ReadSideRedriveRefusedError,
} from './dead-letter-errors';
import {
  deadLetterTopicsOf,
  describeDeadLetter,
  groupOfDeadLetterTopic,
  redriveOf,
} from './dead-letter-rules';

const failedAt = new Date('2026-12-05T10:00:00.000Z');

const original: DeliveredMessage = {
  topic: 'talentloop.planning.events.v1',
  partition: 2,
  offset: '17',
  key: 'emp-1',
  headers: { ce_id: 'evt-1', ce_type: 'talentloop.planning.GoalSubmitted.v1' },
  value: '{"goalId":"g-1"}',
};

/** The message as the delivery policy wrote it to the dead letters of `groupId`. */
const deadLetterOf = (groupId: string): DeliveredMessage => ({
  ...deadLetterMessageOf(original, {
    error: new TypeError('boom'),
    attempts: 5,
    groupId,
    failedAt,
  }),
  topic: `${original.topic}.dlt.${groupId}`,
  partition: 0,
  offset: '3',
});

describe('redriving a dead letter', () => {
  it('publishes the message as it was first published, back to its topic, marked for the failed group', () => {
    // given a message group approval dead-lettered
    const deadLetter = deadLetterOf('approval');

    // when it is redriven
    const redrive = redriveOf(deadLetter);

    // then its key, value and first headers go back, with the group named, and no dlt_ header
    expect(redrive).toEqual({
      topic: original.topic,
      groupId: 'approval',
      message: {
        key: 'emp-1',
        value: original.value,
        headers: { ...original.headers, dlt_redrive_for: 'approval' },
      },
    });
  });

  it('names the group that failed this time, when the message was redriven before', () => {
    const before = deadLetterOf('approval');
    const deadLetter = { ...before, headers: { ...before.headers, dlt_redrive_for: 'planning' } };

    expect(redriveOf(deadLetter).message.headers['dlt_redrive_for']).toBe('approval');
  });

  it('is refused for a read side, which would apply an old event over newer state', () => {
    expect(() => redriveOf(deadLetterOf('approval.read-side'))).toThrow(
      ReadSideRedriveRefusedError,
    );
  });

  it('is refused for a message that does not say where it came from', () => {
    const deadLetter = deadLetterOf('approval');
    const headers = Object.fromEntries(
      Object.entries(deadLetter.headers).filter(([name]) => name !== 'dlt_original_topic'),
    );
    expect(() => redriveOf({ ...deadLetter, headers })).toThrow(NotADeadLetterError);
  });
});

describe('dead-letter topics', () => {
  it('are one per group and source topic', () => {
    expect(deadLetterTopicsOf([{ groupId: 'approval', topics: ['a.v1', 'b.v1'] }])).toEqual([
      { topic: 'a.v1.dlt.approval', sourceTopic: 'a.v1', groupId: 'approval' },
      { topic: 'b.v1.dlt.approval', sourceTopic: 'b.v1', groupId: 'approval' },
    ]);
  });

  it('name their group after the last .dlt., dots and all', () => {
    expect(groupOfDeadLetterTopic('talentloop.identity.events.v1.dlt.planning.read-side')).toBe(
      'planning.read-side',
    );
    expect(() => groupOfDeadLetterTopic('talentloop.identity.events.v1')).toThrow(
      NotADeadLetterTopicError,
    );
  });
});

describe('showing a dead letter', () => {
  it('prints its place, id, type, every dlt_ header and the value as stored', () => {
    expect(describeDeadLetter(deadLetterOf('approval'))).toEqual([
      'offset 3 (partition 0)',
      '  key                     emp-1',
      '  ce_id                   evt-1',
      '  ce_type                 talentloop.planning.GoalSubmitted.v1',
      '  dlt_error               boom',
      '  dlt_error_name          TypeError',
      '  dlt_attempts            5',
      '  dlt_original_topic      talentloop.planning.events.v1',
      '  dlt_original_partition  2',
      '  dlt_original_offset     17',
      '  dlt_consumer_group      approval',
      '  dlt_failed_at           2026-12-05T10:00:00.000Z',
      '  value                   {"goalId":"g-1"}',
    ]);
  });
});
