/**
 * A bus member or a relay in a process of its own, so that tests can kill it with SIGKILL
 * at any point, as a crash would. Started by spawnBusProcess (child-process.ts); the role
 * and settings come as JSON in argv[2]; progress goes to stdout, one line per fact.
 */
import { SqliteEventStore } from '@talentloop/event-store';
import { EmbeddedMessageBus } from '../embedded/embedded-message-bus';
import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import type { MessageBus } from '../message-bus.port';
import { SqliteCheckpointStore } from '../relay/checkpoint-store';
import { startRelay } from '../relay/relay';
import type { BusProcessRole } from './child-process';
import { testTuning } from './kafka-test-settings';

const role = JSON.parse(process.argv[2] ?? '{}') as BusProcessRole;

const busOf = (): MessageBus =>
  role.bus.kind === 'kafka'
    ? new KafkaMessageBus({ brokers: role.bus.brokers, consumer: testTuning })
    : new EmbeddedMessageBus({ path: role.bus.path, leaseTtlMs: role.bus.leaseTtlMs });

const say = (line: string) => process.stdout.write(`${line}\n`);

const consume = async (settings: Extract<BusProcessRole, { role: 'consumer' }>) => {
  await busOf().subscribe({
    groupId: settings.groupId,
    topics: [settings.topic],
    handler: async (message) => {
      await new Promise((resolve) => setTimeout(resolve, settings.handlerDelayMs));
      say(`handled ${message.key} ${message.value} ${message.partition} ${message.offset}`);
    },
  });
  say('subscribed');
};

const relay = (settings: Extract<BusProcessRole, { role: 'relay' }>) => {
  const running = startRelay({
    store: new SqliteEventStore({ path: settings.storePath }),
    bus: busOf(),
    checkpoints: new SqliteCheckpointStore({ path: settings.storePath }),
    name: settings.name,
    context: settings.context,
    topic: settings.topic,
    pageSize: settings.pageSize,
  });
  let reported = 0;
  setInterval(() => {
    if (running.relayed === reported) return;
    reported = running.relayed;
    say(`relayed ${reported}`);
  }, 2);
};

if (role.role === 'consumer') void consume(role);
else relay(role);
