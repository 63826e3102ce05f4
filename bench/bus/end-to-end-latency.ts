import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName, type ReceivedEvent } from '@talentloop/contracts';
import { SqliteEventStore } from '@talentloop/event-store';
import {
  type KafkaBusConsumer,
  KafkaMessageBus,
  SqliteCheckpointStore,
  startRelay,
  subscribeToEvents,
} from '@talentloop/messaging';
import {
  busInput,
  EmbeddedReadModelStore,
  employeeDirectoryProjection,
  ProjectionRunner,
  type ProjectedEvent,
} from '@talentloop/read-models';
import { percentile } from '../lib/stats';
import { withTempDb } from '../lib/temp-db';

export interface EndToEndLatency {
  readonly offeredPerSecond: number;
  /** Milliseconds from the append call to the read-model document written, per event. */
  readonly samples: readonly number[];
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const definition = eventRegistry.current('EmployeeSynced')!;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The production path of one event, measured: append to the event store → the relay
 * publishes it to Kafka → a consumer group receives it → the projection runner writes the
 * read-model document. Events are offered at a fixed rate (open loop), one per employee
 * stream, so the figure is latency at that load, not under saturation.
 */
export const measureEndToEnd = (
  brokers: readonly string[],
  { events, offeredPerSecond }: { readonly events: number; readonly offeredPerSecond: number },
): Promise<EndToEndLatency> =>
  withTempDb('e2e-store', (storePath) =>
    withTempDb('e2e-read-models', async (readModelsPath) => {
      const tenantId = `bench-${randomUUID().slice(0, 8)}`;
      const store = new SqliteEventStore({ path: storePath });
      const producerBus = new KafkaMessageBus({ brokers: [...brokers], clientId: 'bench-relay' });
      const consumerBus = new KafkaMessageBus({
        brokers: [...brokers],
        clientId: 'bench-consumer',
        consumer: { maxWaitTimeInMs: 20 },
      });
      const checkpoints = new SqliteCheckpointStore({ path: ':memory:' });
      const readModels = new EmbeddedReadModelStore({ path: readModelsPath });
      const runner = new ProjectionRunner({ readModels });
      const appendedAt = new Map<string, number>();
      const samples: number[] = [];

      const consumer = (await subscribeToEvents(consumerBus, {
        groupId: `bench-e2e-${randomUUID()}`,
        contexts: ['assessment'],
        fromBeginning: false,
        handler: async (event: ReceivedEvent, delivered) => {
          if (event.metadata.tenantId !== tenantId) return;
          await runner.applyFromBus(employeeDirectoryProjection, [
            busInput(delivered, event as ProjectedEvent),
          ]);
          const start = appendedAt.get(event.id);
          if (start !== undefined) samples.push(performance.now() - start);
        },
      })) as KafkaBusConsumer;
      // Offer events only once the new group owns its partitions and has fetched its starting
      // (latest) offsets: a group still joining would add its join time to the first samples.
      const joinDeadline = Date.now() + 30_000;
      while (Object.values(consumer.assignment()).flat().length === 0 && Date.now() < joinDeadline)
        await sleep(50);
      await sleep(1_000);
      const relay = startRelay({
        store,
        bus: producerBus,
        checkpoints,
        name: `bench-e2e-${tenantId}`,
        context: 'assessment',
      });
      try {
        const interval = 1000 / offeredPerSecond;
        const begin = performance.now();
        const appends: Promise<unknown>[] = [];
        for (let i = 0; i < events; i++) {
          const due = begin + i * interval;
          const wait = due - performance.now();
          if (wait > 1) await sleep(wait);
          const id = randomUUID();
          appendedAt.set(id, performance.now());
          appends.push(
            store.appendToStream(
              streamName({
                context: 'assessment',
                aggregate: 'employee',
                tenantId,
                id: `emp-${i}`,
              }),
              [
                {
                  id,
                  type: definition.name,
                  data: { ...definition.example, employeeId: `emp-${i}`, externalId: `x-${i}` },
                  metadata: {
                    tenantId,
                    actorId: 'bench',
                    occurredAt: new Date().toISOString(),
                    schemaVersion: definition.version,
                  },
                },
              ],
              { expectedRevision: 'any' },
            ),
          );
        }
        await Promise.all(appends);
        const deadline = Date.now() + 60_000;
        while (samples.length < events && Date.now() < deadline) await sleep(20);
        if (samples.length < events)
          throw new Error(`only ${samples.length} of ${events} events reached the read model`);
        const sorted = [...samples].sort((a, b) => a - b);
        return {
          offeredPerSecond,
          samples,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted[sorted.length - 1] ?? Number.NaN,
        };
      } finally {
        await relay.stop();
        await consumer.stop();
        await Promise.all([producerBus.close(), consumerBus.close()]);
        checkpoints.close();
        await readModels.close();
        await store.close();
      }
    }),
  );
