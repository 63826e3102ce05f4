import type { DeliveredMessage } from '../message-bus.port';
import { passedOver } from './event-messaging';

const message = (headers: Record<string, string>): DeliveredMessage => ({
  topic: 'talentloop.planning.events.v1',
  partition: 0,
  offset: '0',
  key: 'goal-1',
  headers,
  value: '{}',
});

describe('passing over messages a subscription does not take', () => {
  const takes = ['GoalSubmitted'];

  it('passes over an event of another type, by its ce_type alone', () => {
    // Given a CheckInLogged whose body is not even JSON
    const other = message({ ce_type: 'talentloop.planning.CheckInLogged.v1' });

    // When a subscription that takes GoalSubmitted looks at it
    // Then it is passed over unread
    expect(passedOver(other, takes)).toBe(true);
  });

  it('hands on the types it takes, messages whose type cannot be read, and everything by default', () => {
    // Given a GoalSubmitted, one of a type no event has (or not in the catalogue) and one
    // without a type
    const submitted = message({ ce_type: 'talentloop.planning.GoalSubmitted.v1' });
    const nonsense = message({ ce_type: 'nonsense' });
    const unknown = message({ ce_type: 'talentloop.planning.GoalTeleported.v1' });
    const untyped = message({});

    // When they are looked at with and without the subscription's types
    // Then none is passed over: the handler takes or refuses each
    for (const delivered of [submitted, nonsense, unknown, untyped]) {
      expect(passedOver(delivered, takes)).toBe(false);
      expect(passedOver(delivered, undefined)).toBe(false);
    }
  });
});
