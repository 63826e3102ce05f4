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
import { withTempDb } from '../lib/temp-db';
import { declareBenchTopic, deleteKafkaTopics } from './bench-topics';
import { summary, type LatencySummary } from './latency-summary';
import { profiled } from './profile';
import { timedBus, timedReads } from './timed-ports';

export interface EndToEndLatency {
  readonly offeredPerSecond: number;
  /** Where the time goes, per event: the segments add up to the total. */
  readonly segments: readonly LatencySummary[];
  /** Milliseconds from the append call to the read-model document written. */
  readonly total: LatencySummary;
}

/** The bench consumer's longest fetch wait (the bus's default is 500 ms). */
export const CONSUMER_MAX_WAIT_MS = Number(process.env['BENCH_MAX_WAIT_MS'] ?? 20);

/** The relay's linger (the services run theirs with 20 ms); 0 by default, as before. */
export const RELAY_LINGER_MS = Number(process.env['BENCH_RELAY_LINGER_MS'] ?? 0);

const definition = eventRegistry.current('EmployeeSynced')!;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** When each event passed each point on its way, in performance.now() milliseconds. */
interface Marks {
  appended: number;
  readByRelay?: number;
  acked?: number;
  delivered?: number;
  written?: number;
}

/**
 * The production path of one event, measured: append to the event store → the relay
 * publishes it to Kafka → a consumer group receives it → the projection runner writes the
 * read-model document. Events are offered at a fixed rate (open loop), one per employee
 * stream, so the figure is latency at that load, not under saturation. The store and the
 * buses are wrapped to note when the relay read each event, when the broker acknowledged it
 * and when the consumer's handler got it.
 */
export const measureEndToEnd = (
  brokers: readonly string[],
  { events, offeredPerSecond }: { readonly events: number; readonly offeredPerSecond: number },
): Promise<EndToEndLatency> =>
  withTempDb('e2e-store', (storePath) =>
    withTempDb('e2e-read-models', async (readModelsPath) => {
      const tenantId = `bench-${randomUUID().slice(0, 8)}`;
      const marks = new Map<string, Marks>();
      const mark = (point: Exclude<keyof Marks, 'appended'>) => (id: string, at: number) => {
        const marked = marks.get(id);
        if (marked && marked[point] === undefined) marked[point] = at;
      };
      const store = new SqliteEventStore({ path: storePath });
      const producerBus = new KafkaMessageBus({ brokers: [...brokers], clientId: 'bench-relay' });
      const consumerBus = new KafkaMessageBus({
        brokers: [...brokers],
        clientId: 'bench-consumer',
        consumer: { maxWaitTimeInMs: CONSUMER_MAX_WAIT_MS },
      });
      const checkpoints = new SqliteCheckpointStore({ path: ':memory:' });
      const readModels = new EmbeddedReadModelStore({ path: readModelsPath });
      const runner = new ProjectionRunner({ readModels });
      let written = 0;
      const topic = await declareBenchTopic(producerBus, 'e2e');

      const consumer = (await subscribeToEvents(
        timedBus(consumerBus, { delivered: mark('delivered') }),
        {
          groupId: `bench-e2e-${randomUUID()}`,
          topics: [topic],
          fromBeginning: false,
          handler: async (event: ReceivedEvent, delivered) => {
            if (event.metadata.tenantId !== tenantId) return;
            await runner.applyFromBus(employeeDirectoryProjection, [
              busInput(delivered, event as ProjectedEvent),
            ]);
            const marked = marks.get(event.id);
            if (marked && marked.written === undefined) {
              marked.written = performance.now();
              written++;
            }
          },
        },
      )) as KafkaBusConsumer;
      // Offer events only once the new group owns its partitions and has fetched its starting
      // (latest) offsets: a group still joining would add its join time to the first samples.
      const joinDeadline = Date.now() + 30_000;
      while (Object.values(consumer.assignment()).flat().length === 0 && Date.now() < joinDeadline)
        await sleep(50);
      await sleep(1_000);
      const relay = startRelay({
        store: timedReads(store, mark('readByRelay')),
        bus: timedBus(producerBus, { acked: mark('acked') }),
        checkpoints,
        name: `bench-e2e-${tenantId}`,
        context: 'assessment',
        topic,
        lingerMs: RELAY_LINGER_MS,
      });
      try {
        await profiled('end-to-end', async () => {
          const interval = 1000 / offeredPerSecond;
          const begin = performance.now();
          const appends: Promise<unknown>[] = [];
          for (let i = 0; i < events; i++) {
            const due = begin + i * interval;
            const wait = due - performance.now();
            if (wait > 1) await sleep(wait);
            const id = randomUUID();
            marks.set(id, { appended: performance.now() });
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
          while (written < events && Date.now() < deadline) await sleep(20);
        });
        if (written < events)
          throw new Error(`only ${written} of ${events} events reached the read model`);
        const all = [...marks.values()] as Required<Marks>[];
        const between = (from: keyof Marks, to: keyof Marks) =>
          all.map((marked) => marked[to] - marked[from]);
        return {
          offeredPerSecond,
          segments: [
            summary('append → read by the relay', between('appended', 'readByRelay')),
            summary('read by the relay → acked by the broker', between('readByRelay', 'acked')),
            summary('acked → consumer handler called', between('acked', 'delivered')),
            summary('consumer handler → read model written', between('delivered', 'written')),
          ],
          total: summary('append → read model written', between('appended', 'written')),
        };
      } finally {
        await relay.stop();
        await consumer.stop();
        await Promise.all([producerBus.close(), consumerBus.close()]);
        checkpoints.close();
        await readModels.close();
        await store.close();
        await deleteKafkaTopics(brokers, [topic]);
      }
    }),
  );
