import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deadLetterTopicFor,
  eventRegistry,
  topicFor,
  type EnvelopedEvent,
  type ReceivedEvent,
} from '@talentloop/contracts';
import { declareTestTopics, eventually, uniqueName } from '@talentloop/testing';
import { EmbeddedMessageBus } from '../embedded/embedded-message-bus';
import { deadLetterHeaders, type DeliveredMessage } from '../message-bus.port';
import { publishEvents, subscribeToEvents } from './event-messaging';

describe('events on the bus', () => {
  let folder: string;
  let bus: EmbeddedMessageBus;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-events-'));
    bus = new EmbeddedMessageBus({ path: join(folder, 'bus.sqlite') });
    await declareTestTopics(bus, [
      { topic: topicFor('assessment'), partitions: 3 },
      { topic: topicFor('planning'), partitions: 3 },
    ]);
  });
  afterEach(async () => {
    await bus.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('go to their contexts’ topics and come back typed and in order', async () => {
    const events = [
      eventOf('MotivationRecorded', 1n),
      eventOf('PlanStarted', 2n),
      eventOf('MotivationRecorded', 3n),
    ];
    const received: { event: ReceivedEvent; topic: string }[] = [];
    await subscribeToEvents(bus, {
      groupId: uniqueName('group'),
      contexts: ['assessment', 'planning'],
      handler: (event, delivered) => {
        received.push({ event, topic: delivered.topic });
        return Promise.resolve();
      },
    });

    await publishEvents(bus, events);

    await eventually('three events', () => received.length === 3);
    const byId = new Map(received.map((r) => [r.event.id, r]));
    expect(byId.get(events[1].id)?.topic).toBe(topicFor('planning'));
    expect(byId.get(events[0].id)?.event).toEqual(events[0]);
    expect(
      received.filter((r) => r.topic === topicFor('assessment')).map((r) => r.event.globalPosition),
    ).toEqual([1n, 3n]);
  });

  it('passes over, unread, the events of types a subscription does not take', async () => {
    // Given a group that takes only PlanStarted, and a message whose type cannot be read
    const groupId = uniqueName('group');
    const topic = topicFor('planning');
    await declareTestTopics(bus, [], [{ groupId, topics: [topic] }]);
    const handled: ReceivedEvent[] = [];
    await subscribeToEvents(bus, {
      groupId,
      topics: [topic],
      eventTypes: ['PlanStarted'],
      handler: (event) => {
        handled.push(event);
        return Promise.resolve();
      },
    });
    const deadLetters: DeliveredMessage[] = [];
    await bus.subscribe({
      groupId: uniqueName('operator'),
      topics: [deadLetterTopicFor(topic, groupId)],
      handler: (message) => {
        deadLetters.push(message);
        return Promise.resolve();
      },
    });

    // When a GoalDrafted, a PlanStarted and the unreadable message are published
    const started = eventOf('PlanStarted', 2n);
    await publishEvents(bus, [eventOf('GoalDrafted', 1n), started]);
    await bus.publish(topic, [{ key: 'emp-1', headers: { ce_type: 'nonsense' }, value: '{}' }]);

    // Then only PlanStarted is handled, the unreadable one still dead-lettered, and the
    // passed-over GoalDrafted counts as handled: nothing is left behind for the group
    await eventually(
      'the PlanStarted and the dead letter',
      () => handled.length === 1 && deadLetters.length === 1,
    );
    expect(handled.map((event) => event.id)).toEqual([started.id]);
    await eventually(
      'every message committed',
      async () =>
        (await bus.committedOffsets(groupId, [topic])).reduce(
          (sum, { next }) => sum + Number(next),
          0,
        ) === 3,
    );
  });

  it('dead-letters a message that is not a valid event at once', async () => {
    const groupId = uniqueName('group');
    const topic = topicFor('assessment');
    await declareTestTopics(bus, [], [{ groupId, topics: [topic] }]);
    const handled: ReceivedEvent[] = [];
    await subscribeToEvents(bus, {
      groupId,
      topics: [topic],
      handler: (event) => {
        handled.push(event);
        return Promise.resolve();
      },
    });
    const deadLetters: DeliveredMessage[] = [];
    await bus.subscribe({
      groupId: uniqueName('operator'),
      topics: [deadLetterTopicFor(topic, groupId)],
      handler: (message) => {
        deadLetters.push(message);
        return Promise.resolve();
      },
    });

    await bus.publish(topic, [{ key: 'emp-1', headers: { ce_type: 'nonsense' }, value: '{}' }]);
    await publishEvents(bus, [eventOf('MotivationRecorded', 4n)]);

    await eventually(
      'the valid event and the dead letter',
      () => handled.length === 1 && deadLetters.length === 1,
    );
    expect(deadLetters[0].headers).toMatchObject({
      [deadLetterHeaders.errorName]: 'ContractViolationError',
      [deadLetterHeaders.attempts]: '1',
    });
  });
});

const eventOf = (type: string, globalPosition: bigint): EnvelopedEvent => {
  const definition = eventRegistry.current(type);
  if (!definition) throw new Error(`no ${type} in the catalog`);
  return {
    id: randomUUID(),
    type,
    data: structuredClone(definition.example),
    metadata: {
      tenantId: 'acme',
      actorId: 'user-1',
      occurredAt: '2026-02-01T10:00:00.000Z',
      schemaVersion: definition.version,
    },
    globalPosition,
  };
};
