import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName } from '@talentloop/contracts';
import { SqliteEventStore, type EventToAppend } from '@talentloop/event-store';
import {
  EmbeddedMessageBus,
  KafkaMessageBus,
  type MessageBus,
  SqliteCheckpointStore,
  startRelay,
} from '@talentloop/messaging';
import { withTempDb } from '../lib/temp-db';
import { secondsSince } from '../lib/timer';

const definition = eventRegistry.current('CheckInLogged')!;

/** `count` valid planning events spread over `employees` streams, appended in batches. */
const fillStore = async (
  store: SqliteEventStore,
  tenantId: string,
  count: number,
  employees: number,
): Promise<void> => {
  const perEmployee = Math.ceil(count / employees);
  const occurredAt = new Date().toISOString();
  for (let employee = 0; employee < employees; employee++) {
    const events: EventToAppend[] = Array.from({ length: perEmployee }, () => ({
      id: randomUUID(),
      type: definition.name,
      data: { ...definition.example, employeeId: `emp-${employee}` },
      metadata: { tenantId, actorId: 'bench', occurredAt, schemaVersion: definition.version },
    }));
    await store.appendToStream(
      streamName({ context: 'planning', aggregate: 'goal', tenantId, id: `goal-${employee}` }),
      events,
      { expectedRevision: 'any' },
    );
  }
};

export interface RelayThroughput {
  readonly bus: string;
  readonly events: number;
  readonly seconds: number;
}

/** Appends `count` events, then times one relay moving all of them to the bus. */
export const measureRelay = (
  label: string,
  openBus: (busPath: string) => MessageBus,
  count: number,
): Promise<RelayThroughput> =>
  withTempDb(`relay-store-${label}`, (storePath) =>
    withTempDb(`relay-bus-${label}`, async (busPath) => {
      const store = new SqliteEventStore({ path: storePath });
      const bus = openBus(busPath);
      const checkpoints = new SqliteCheckpointStore({ path: ':memory:' });
      try {
        await fillStore(store, `bench-${randomUUID().slice(0, 8)}`, count, 1_000);
        const start = process.hrtime.bigint();
        const relay = startRelay({
          store,
          bus,
          checkpoints,
          name: `bench-${randomUUID()}`,
          context: 'planning',
          pageSize: 2_000,
        });
        while (relay.relayed < count) await new Promise((done) => setTimeout(done, 2));
        const seconds = secondsSince(start);
        await relay.stop();
        return { bus: label, events: relay.relayed, seconds };
      } finally {
        checkpoints.close();
        await bus.close();
        await store.close();
      }
    }),
  );

export const kafkaBus = (brokers: readonly string[]) => (): MessageBus =>
  new KafkaMessageBus({ brokers: [...brokers], clientId: 'bench' });

export const embeddedBus = (busPath: string): MessageBus =>
  new EmbeddedMessageBus({ path: busPath });
