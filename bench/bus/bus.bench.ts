/**
 * Bus benchmark: relay throughput from the event store to Kafka (and to the embedded bus),
 * and end-to-end latency from an append to a read model updated through Kafka.
 * Run with `npm run bench:bus` after `deploy/test-infra/up.sh` (needs KAFKA_BROKERS).
 * BENCH_SCALE (default 1) scales the counts.
 */
import { formatCount, formatRate, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { markdownTable } from '../lib/table';
import { embeddedBus, kafkaBus, measureRelay, type RelayThroughput } from './relay-throughput';
import { measureEndToEnd } from './end-to-end-latency';
import { positiveFromEnv } from '../lib/stats';

const scale = positiveFromEnv('BENCH_SCALE', 1, { whole: false });
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);

const main = async () => {
  if (brokers.length === 0)
    throw new Error('KAFKA_BROKERS is not set: run deploy/test-infra/up.sh and source its env');
  console.log(`# Bus benchmark\n\n${describeMachine()}; Kafka at ${brokers.join(',')}\n`);

  const relayEvents = Math.round(100_000 * scale);
  const relays: RelayThroughput[] = [
    await measureRelay('kafka', kafkaBus(brokers), relayEvents),
    await measureRelay('embedded', embeddedBus, relayEvents),
  ];
  console.log('## Relay throughput (SQLite event store → bus, checkpointed pages of 2,000)\n');
  console.log(
    markdownTable(
      [
        { header: 'bus' },
        { header: 'events', align: 'right' },
        { header: 'time', align: 'right' },
        { header: 'events/s', align: 'right' },
        { header: 'floor ≥ 10,000/s (Kafka)' },
      ],
      relays.map((relay) => {
        const rate = relay.events / relay.seconds;
        return [
          relay.bus,
          formatCount(relay.events),
          formatSeconds(relay.seconds),
          formatRate(rate),
          relay.bus === 'kafka' ? (rate >= 10_000 ? 'PASS' : 'FAIL') : '',
        ];
      }),
    ),
  );

  const latency = await measureEndToEnd(brokers, {
    events: Math.round(10_000 * scale),
    offeredPerSecond: 500,
  });
  console.log(
    `\n## End-to-end latency (append → relay → Kafka → consumer → read model written)\n\n` +
      `${formatCount(latency.samples.length)} events offered at ${latency.offeredPerSecond}/s\n`,
  );
  console.log(
    markdownTable(
      [
        { header: 'p50 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'max ms', align: 'right' },
        { header: 'floor p99 ≤ 250 ms' },
      ],
      [
        [
          latency.p50.toFixed(1),
          latency.p99.toFixed(1),
          latency.max.toFixed(1),
          latency.p99 <= 250 ? 'PASS' : 'FAIL',
        ],
      ],
    ),
  );
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
