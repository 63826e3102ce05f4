import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { RunningSystem, type RunningSystemOptions } from './running-system';

const kafkaBrokers = process.env['KAFKA_BROKERS']?.trim();
const kafkaSaslBrokers = process.env['KAFKA_SASL_BROKERS']?.trim();
const mongodbUri = process.env['MONGODB_URI']?.trim();
const esdbConnectionString = process.env['ESDB_CONNECTION_STRING']?.trim();

const skipReason = !kafkaBrokers
  ? 'KAFKA_BROKERS is not set (run deploy/test-infra/up.sh)'
  : !mongodbUri
    ? 'MONGODB_URI is not set (run deploy/test-infra/up.sh)'
    : undefined;

/** The event store the Kafka runs use: EventStoreDB where one is reachable, else SQLite. */
export const kafkaEventStore = esdbConnectionString ? 'EventStoreDB' : 'SQLite';

/**
 * How the services reach the test broker: over SASL_SSL, each as its own SCRAM user with the
 * ACLs of `npm run kafka:acls` (scripts/service-process.js gives each its password), where the
 * test infrastructure offers it (deploy/test-infra/up.sh does); the topics are the operator's
 * work there (kafka.sh declares them), as in production with ACLs.
 */
export const kafkaClientEnv = (
  broker: { readonly plaintext: string; readonly sasl?: string } = {
    plaintext: kafkaBrokers ?? '',
    sasl: kafkaSaslBrokers,
  },
  security: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv => ({
  // Where a suite inspects the topics as the super user (read by no service).
  TALENTLOOP_KAFKA_INSPECT_BROKERS: broker.plaintext,
  ...(broker.sasl
    ? {
        KAFKA_BROKERS: broker.sasl,
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SSL_CA_FILE: security['KAFKA_SSL_CA_FILE'],
        TALENTLOOP_KAFKA_CREDENTIALS_FILE: security['TALENTLOOP_KAFKA_CREDENTIALS_FILE'],
        KAFKA_TOPICS_AT_START: 'false',
      }
    : { KAFKA_BROKERS: broker.plaintext }),
});

/**
 * Services on Kafka with MongoDB read models. Topics and consumer groups have fixed names
 * (talentloop.<context>.events.v1; groups planning, approval), so runs cannot be isolated on
 * the broker: each demo runs in a tenant of its own, and each system gets a database of its own.
 */
export const kafkaMongoEnv = (): NodeJS.ProcessEnv => ({
  BUS: 'kafka',
  ...kafkaClientEnv(),
  READ_MODELS: 'mongo',
  MONGODB_URI: mongodbUri,
  MONGODB_DB: `e2e_${randomBytes(4).toString('hex')}`,
  // Production settings: the data keys must be wrapped with a KEK given (one per system).
  PRIVACY_KEK: randomBytes(32).toString('base64'),
  PRIVACY_KEK_ID: 'e2e',
  ...(esdbConnectionString
    ? { EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: esdbConnectionString, KEY_STORE: 'mongo' }
    : {}),
});

/** Drops a run's read-model database. */
export const dropMongoDatabase = async (env: NodeJS.ProcessEnv): Promise<void> => {
  if (env['READ_MODELS'] !== 'mongo' || !env['MONGODB_URI']) return;
  const connection = await mongoose
    .createConnection(env['MONGODB_URI'], { dbName: env['MONGODB_DB'] })
    .asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
};

export interface Infrastructure {
  readonly label: string;
  readonly env: () => NodeJS.ProcessEnv;
}

export const embedded: Infrastructure = { label: 'the embedded default', env: () => ({}) };
export const kafkaMongo: Infrastructure = {
  label: `Kafka${kafkaSaslBrokers ? ' (SASL_SSL, ACLs)' : ''} + MongoDB read models (event store: ${kafkaEventStore})`,
  env: kafkaMongoEnv,
};

/**
 * Registers `body` for each infrastructure; the Kafka one only when the test servers are set
 * (CI sets them), else one skipped test (counted as skipped in jest's summary) and a loud line
 * saying why it did not run.
 */
export const describeOnEach = (
  title: string,
  infrastructures: readonly Infrastructure[],
  body: (infrastructure: Infrastructure) => void,
): void => {
  for (const infrastructure of infrastructures) {
    if (infrastructure === kafkaMongo && skipReason !== undefined) {
      console.warn(`Kafka+Mongo e2e SKIPPED: ${skipReason}`);
      describe(`${title} on ${infrastructure.label}`, () => {
        it.skip(`is skipped: ${skipReason}`, () => undefined);
      });
      continue;
    }
    describe(`${title} on ${infrastructure.label}`, () => body(infrastructure));
  }
};

/** Whether the process that took a turn has ended (a crashed run must not block the next). */
const holderIsGone = (lock: string): boolean => {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/**
 * Consumer groups have fixed names, so two systems on one broker would join the same groups
 * and take each other's events: systems on Kafka take turns, through a lock folder in the
 * machine's temp folder. Resolves with the function that ends the turn.
 */
export const kafkaTurn = async (timeoutMs: number): Promise<() => void> => {
  const lock = join(tmpdir(), 'talentloop-e2e-kafka.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderIsGone(lock)) rmSync(lock, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`another Kafka e2e run holds ${lock}`);
    else await sleep(500);
  }
};

/**
 * A system on the infrastructure for the whole describe block: started (and ready) before its
 * tests, stopped after them with its read-model database dropped.
 */
export const systemPerSuite = (
  infrastructure: Infrastructure,
  options: Omit<RunningSystemOptions, 'env'> & {
    /** Variables on top of the infrastructure's, read when the system starts. */
    readonly env?: () => NodeJS.ProcessEnv;
  } = {},
): (() => RunningSystem) => {
  let system: RunningSystem | undefined;
  let endTurn: (() => void) | undefined;
  beforeAll(async () => {
    if (infrastructure === kafkaMongo) endTurn = await kafkaTurn(150_000);
    system = new RunningSystem({
      ...options,
      env: { ...infrastructure.env(), ...options.env?.() },
    });
    await system.ready();
  }, 240_000);
  afterAll(async () => {
    try {
      await system?.dispose();
      if (system) await dropMongoDatabase(system.env);
    } finally {
      endTurn?.();
    }
  }, 30_000);
  return () => {
    if (!system) throw new Error('the system starts in beforeAll');
    return system;
  };
};
