import { createEventStore, eventStoreConfigFromEnv } from '@talentloop/event-store';
import { KafkaMessageBus, kafkaSecurityFromEnv } from '@talentloop/messaging';
import { progressLine } from '@talentloop/read-models';
import { parseRepublishArgs, REPUBLISH_USAGE } from './republish-args';
import { republish, type RepublishProgress } from './republish';

const line = (progress: RepublishProgress): string =>
  progressLine({ ...progress, startPosition: progress.start, headPosition: progress.end });

/** Redraws the progress line at most this often: a terminal is slower than the replay. */
const PROGRESS_EVERY_MS = 200;

const main = async (): Promise<number> => {
  const args = parseRepublishArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${REPUBLISH_USAGE}\n`);
    return 0;
  }
  if (args.kind === 'error') {
    process.stderr.write(`republish: ${args.message}\n\n${REPUBLISH_USAGE}\n`);
    return 2;
  }
  const brokers = (process.env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) {
    process.stderr.write('republish: KAFKA_BROKERS is required (comma-separated host:port)\n');
    return 2;
  }
  const { options } = args;
  const store = createEventStore(eventStoreConfigFromEnv(process.env));
  // The bus's producer is idempotent with one request in flight: no duplicates, no reordering.
  // With SASL_SSL, as a principal allowed to create and write the integrator's topic.
  const bus = new KafkaMessageBus({
    brokers,
    clientId: 'talentloop-republish',
    security: kafkaSecurityFromEnv(process.env),
  });
  const tty = process.stderr.isTTY;
  let drawnAt = 0;
  try {
    // The integrator's own topic: declared here, apart from the system's topology.
    await bus.declareTopology({
      topics: [
        { topic: options.topic, partitions: options.partitions, replicationFactor: 1, configs: {} },
      ],
    });
    const result = await republish({
      store,
      send: (records) => bus.publish(options.topic, records),
      tenantId: options.tenantId,
      after: options.after,
      from: options.from,
      toPosition: options.toPosition,
      types: options.types,
      onProgress: (progress) => {
        const at = Date.now();
        if (at - drawnAt < PROGRESS_EVERY_MS) return;
        drawnAt = at;
        process.stderr.write(tty ? `\r${line(progress)}` : `${line(progress)}\n`);
      },
    });
    const seconds = result.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(result.events / seconds) : result.events;
    process.stderr.write(
      `${tty ? '\n' : ''}republished ${result.events} events of ${options.tenantId} to ` +
        `${options.topic} in ${seconds.toFixed(1)} s (${rate} events/s), last position ` +
        `${result.lastPosition ?? 'none'}\n`,
    );
    return 0;
  } finally {
    await bus.close();
    await store.close();
  }
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `\nrepublish failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
