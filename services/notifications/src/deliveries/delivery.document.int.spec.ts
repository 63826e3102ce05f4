import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedReadModelStore } from '@talentloop/read-models';
import {
  DELIVERIES,
  deliveryIndexes,
  queueKey,
  unfinishedQueues,
  type DeliveryDocument,
  type DeliveryState,
} from './delivery.document';

const delivery = (
  subscriptionId: string,
  subject: string,
  state: DeliveryState,
  position: number,
): DeliveryDocument => ({
  tenantId: 'acme',
  subscriptionId,
  eventId: `evt-${subscriptionId}-${subject}-${position}`,
  eventType: 'GoalApproved',
  subject,
  position: String(position),
  state,
  attempts: 0,
  firstAttemptAt: null,
  nextAttemptAt: '2026-12-07T09:00:00.000Z',
  createdAt: '2026-12-07T09:00:00.000Z',
  deliveredAt: null,
  deadAt: null,
  log: [],
});

describe('which delivery queues are unfinished', () => {
  let folder: string;
  let store: EmbeddedReadModelStore;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-deliveries-'));
    store = new EmbeddedReadModelStore({ path: join(folder, 'read-models.sqlite') });
    await store.ensureCollection(DELIVERIES, deliveryIndexes);
  });

  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const given = (documents: readonly DeliveryDocument[]) =>
    store.insertFresh(
      DELIVERIES,
      documents.map((doc) => ({ id: doc.eventId, doc, version: 1, sources: {} })),
    );

  it('given deliveries of one subscription’s subject, only that queue is unfinished', async () => {
    // Given: subscription 1 has emp-a waiting; subscription 2 has emp-b pending.
    await given([
      delivery('sub-1', 'emp-a', 'waiting', 1),
      delivery('sub-2', 'emp-b', 'pending', 2),
    ]);
    // When: asked about sub-1/emp-a, sub-2/emp-b and the crossed pairs.
    const unfinished = await unfinishedQueues(store, [
      { subscriptionId: 'sub-1', subject: 'emp-a' },
      { subscriptionId: 'sub-2', subject: 'emp-b' },
      { subscriptionId: 'sub-1', subject: 'emp-b' },
      { subscriptionId: 'sub-2', subject: 'emp-a' },
    ]);
    // Then: the two that have deliveries, never a subject of one subscription in the other.
    expect([...unfinished].sort()).toEqual(
      [queueKey('sub-1', 'emp-a'), queueKey('sub-2', 'emp-b')].sort(),
    );
  });

  it('given only delivered and dead deliveries, no queue is unfinished', async () => {
    // Given
    await given([
      delivery('sub-1', 'emp-a', 'delivered', 1),
      delivery('sub-1', 'emp-a', 'dead', 2),
    ]);
    // When
    const unfinished = await unfinishedQueues(store, [
      { subscriptionId: 'sub-1', subject: 'emp-a' },
    ]);
    // Then
    expect(unfinished.size).toBe(0);
  });

  it('given more subjects than one query takes, every unfinished queue is found', async () => {
    // Given: 1,200 subjects of one subscription, every third one with a pending delivery.
    const subjects = Array.from({ length: 1_200 }, (_, index) => `emp-${index}`);
    await given(
      subjects
        .filter((_, index) => index % 3 === 0)
        .map((subject, index) => delivery('sub-1', subject, 'pending', index)),
    );
    // When
    const unfinished = await unfinishedQueues(
      store,
      subjects.map((subject) => ({ subscriptionId: 'sub-1', subject })),
    );
    // Then
    expect(unfinished.size).toBe(400);
    expect(unfinished.has(queueKey('sub-1', 'emp-1197'))).toBe(true);
    expect(unfinished.has(queueKey('sub-1', 'emp-1198'))).toBe(false);
  });
});
