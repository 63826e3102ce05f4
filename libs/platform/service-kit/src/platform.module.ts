import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { TerminusModule } from '@nestjs/terminus';
import type { PublishedContext } from '@talentloop/contracts';
import {
  createEventStore,
  eventStoreConfigFromEnv,
  type EventStore,
} from '@talentloop/event-store';
import {
  createMessageBus,
  describeOutcome,
  messageBusConfigFromEnv,
  type MessageBus,
  startRelay,
  talentloopTopology,
  topologyConfigFromEnv,
  type Topology,
} from '@talentloop/messaging';
import {
  protectPersonalData,
  sealedStoreOf,
  subjectKeyStoreConfigFromEnv,
} from '@talentloop/privacy';
import {
  Lease,
  leasedLoop,
  lazyReadModelStore,
  ReadModelCheckpointStore,
  openReadModelStore,
  readModelStoreConfigFromEnv,
  type ReadModelStore,
} from '@talentloop/read-models';
import { flushTelemetry } from '@talentloop/observability';
import { Supervisor, type Loop } from '@talentloop/supervision';
import { authConfigFromEnv } from './auth/auth.config';
import { AuthenticationGuard, TOKEN_VERIFIER } from './auth/authentication.guard';
import { createTokenVerifier } from './auth/token-verifier';
import { AccessGuard } from './access/access.guard';
import { httpConfigFromEnv } from './http.config';
import { RateLimitGuard, rateLimitModule } from './rate-limit/rate-limit';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { RequestLanguageInterceptor } from './language/request-language';
import { HealthController, MetricsController } from './observability/operations.controllers';
import { SUPERVISOR } from './observability/supervisor.token';
import { loopDownReadyThresholdMsFromEnv, loopRestartBackoffFromEnv } from './platform.config';
import {
  EVENT_STORE,
  HTTP_CONFIG,
  MESSAGE_BUS,
  PERSONAL_DATA_CIPHER,
  READ_MODEL_STORE,
  SERVICE_NAME,
} from './tokens';
import { ServiceLoops } from './service-loops';
import { CLOCK, systemClock, type Clock } from './clock';
import { DeciderCommandHandler } from './commands/decider-command';

export {
  EVENT_STORE,
  HTTP_CONFIG,
  MESSAGE_BUS,
  PERSONAL_DATA_CIPHER,
  READ_MODEL_STORE,
  SERVICE_NAME,
  SUPERVISOR,
};
export type {
  Loop,
  LoopControl,
  LoopStarter,
  LoopStatus,
  SuperviseOptions,
  Supervisor,
} from '@talentloop/supervision';
const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
const PROTECTED_PORTS = Symbol('PROTECTED_PORTS');
type ProtectedPorts = Awaited<ReturnType<typeof protectPersonalData>>;

export interface PlatformOptions {
  /**
   * The contexts whose events this service publishes; a relay per context starts with the
   * service. Only a published context has a topic to relay to.
   */
  readonly publishes?: PublishedContext | readonly PublishedContext[];
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Stricter limits, requests per caller per minute, by name: each applies to the routes marked
   * `@RateLimit(name)`, on top of the caller's shared limit (HTTP_RATE_LIMIT_PER_MINUTE).
   */
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** The service's one clock (CLOCK): tests fix the time; the service runs on the system clock. */
  readonly clock?: Clock;
}

/**
 * How long the relay gathers appends before publishing them in one page, by bus. Embedded:
 * under load one bus write per 20 ms instead of one per group commit (each an fsync on the
 * embedded log, which blocks the event loop), for at most 20 ms more on the way from command
 * to consumer. Kafka: none; the producer's own batching does that work without the wait
 * (bench:bus: append → read model p99 65 ms with 20, 32 ms without).
 */
const RELAY_LINGER_MS = { embedded: 20, kafka: 0 } as const;

/** How long a start waits for the topology before going on without it. */
const TOPOLOGY_WAIT_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Declaring the topology as a supervised loop: one declaration (restarted with backoff while
 * it fails), then idle until stopped. `first` settles with the first attempt that succeeds.
 */
const declaredTopology = (
  bus: MessageBus,
  topology: Topology,
  report: (summary: string) => void,
) => {
  let succeeded = () => {};
  const first = new Promise<void>((resolve) => (succeeded = resolve));
  const loop = (): Loop => {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const finished = bus.declareTopology(topology).then(async (outcome) => {
      const changed = outcome.topics.filter((topic) => topic.action !== 'unchanged');
      report(
        `${changed.length} of ${outcome.topics.length} created or altered` +
          (changed.length > 0 ? `: ${changed.map(describeOutcome).join('; ')}` : ''),
      );
      succeeded();
      await stopped;
    });
    return { finished, stop: () => (stop(), finished.catch(() => undefined)) };
  };
  return { first, loop };
};

/** How long a relay's lease holds without renewal: a dead holder's relay moves after this. */
const RELAY_LEASE_TTL_MS = 15_000;

/**
 * Runs the relay of the service's own events (event store → bus, checkpointed) under the
 * supervisor once the application is up, and on shutdown stops every supervised loop (the
 * relays and the service's own), then closes the read models, the bus and the store.
 *
 * However many instances of the service run, each context has one relay at a time: the one
 * holding its lease in the read-model store, where its checkpoint lives too, so the next holder
 * (another instance, a new pod) goes on from there instead of publishing the history again.
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('platform');
  private readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly loops: ServiceLoops,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const env = this.options.env ?? process.env;
    await this.declareTopology(env);
    this.startRelays(RELAY_LINGER_MS[messageBusConfigFromEnv(this.service, env).kind]);
    this.loops.start();
  }

  private startRelays(lingerMs: number): void {
    const contexts = [this.options.publishes ?? []].flat();
    const checkpoints = new ReadModelCheckpointStore(this.readModels);
    // A failure the relay cannot retry (it stops) is the supervisor's: it starts the relay
    // again, from its checkpoint, after a backoff.
    for (const context of contexts) {
      const name = `${this.service}.${context}`;
      const lease = new Lease({
        store: this.readModels,
        name: `relay:${name}`,
        holder: this.instance,
        ttlMs: RELAY_LEASE_TTL_MS,
      });
      this.supervisor.supervise(`${this.service}.relay.${context}`, () =>
        leasedLoop(lease, RELAY_LEASE_TTL_MS, () =>
          startRelay({
            // Events leave as stored: personal fields sealed, so the bus only carries ciphertext.
            store: sealedStoreOf(this.store),
            bus: this.bus,
            checkpoints,
            name,
            context,
            lingerMs,
            onRetriableError: (error) =>
              this.logger.warn(
                `relay retrying: ${error instanceof Error ? error.message : String(error)}`,
              ),
          }),
        ),
      );
    }
  }

  /**
   * Makes the bus's topics match the declared topology (ADR 0008) before any loop uses them:
   * the embedded log always, Kafka unless KAFKA_TOPICS_AT_START=false. A broker that does not
   * answer within a few seconds does not hold the start up: the declaration goes on as a
   * supervised loop, and the loops that need the topics retry until they exist.
   */
  private async declareTopology(env: NodeJS.ProcessEnv): Promise<void> {
    const config = topologyConfigFromEnv(env);
    const embedded = messageBusConfigFromEnv(this.service, env).kind === 'embedded';
    if (!config.declareAtStart && !embedded) return;
    const topology = talentloopTopology(config);
    const declared = declaredTopology(this.bus, topology, (report) =>
      this.logger.log(`topics: ${report}`),
    );
    this.supervisor.supervise(`${this.service}.topology`, declared.loop);
    await Promise.race([declared.first, sleep(TOPOLOGY_WAIT_MS)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.supervisor.stop();
    await this.readModels.close();
    await this.bus.close();
    await this.store.close();
    await flushTelemetry();
  }
}

/**
 * What every service shares: its event store and bus from the environment, the relay of
 * its own events, the supervisor of every background loop (SUPERVISOR), bearer-token
 * authentication of every route but health and metrics (AUTH_*), safe retries of every POST
 * sent with an Idempotency-Key, health (liveness, readiness) and Prometheus metrics.
 */
@Module({})
export class PlatformModule {
  static forService(service: string, options: PlatformOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    const http = httpConfigFromEnv(env);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        rateLimitModule(http.rateLimitPerMinute, options.rateLimits),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: HTTP_CONFIG, useValue: http },
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        {
          // Personal data sealed per data subject in the store and on the bus (KEY_STORE).
          provide: PROTECTED_PORTS,
          useFactory: () =>
            protectPersonalData(
              {
                store: createEventStore(eventStoreConfigFromEnv(env)),
                bus: createMessageBus(messageBusConfigFromEnv(service, env)),
              },
              subjectKeyStoreConfigFromEnv(env),
            ),
        },
        {
          provide: EVENT_STORE,
          useFactory: (ports: ProtectedPorts) => ports.store,
          inject: [PROTECTED_PORTS],
        },
        {
          provide: MESSAGE_BUS,
          useFactory: (ports: ProtectedPorts) => ports.bus,
          inject: [PROTECTED_PORTS],
        },
        {
          provide: PERSONAL_DATA_CIPHER,
          useFactory: (ports: ProtectedPorts) => ports.store.cipher,
          inject: [PROTECTED_PORTS],
        },
        {
          provide: SUPERVISOR,
          useFactory: () => {
            const logger = new Logger('supervisor');
            return new Supervisor({
              downReadyThresholdMs: loopDownReadyThresholdMsFromEnv(env),
              backoff: loopRestartBackoffFromEnv(env),
              log: (level, message) =>
                level === 'error' ? logger.error(message) : logger.log(message),
            });
          },
        },
        {
          provide: READ_MODEL_STORE,
          useFactory: () =>
            lazyReadModelStore(() => openReadModelStore(readModelStoreConfigFromEnv(env))),
        },
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(authConfigFromEnv(env)) },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        // Per caller, so after authentication; before authorisation, which may read the store.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // After authentication: the one authorisation (ACCESS-MATRIX.md) of every route.
        { provide: APP_GUARD, useClass: AccessGuard },
        // After both guards: a request refused with 401 or 403 never touches a key's record.
        // The language of each request, once, for its texts and its problem details.
        { provide: APP_INTERCEPTOR, useClass: RequestLanguageInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        ServiceLoops,
        PlatformLifecycle,
        DeciderCommandHandler,
      ],
      exports: [
        CLOCK,
        EVENT_STORE,
        MESSAGE_BUS,
        PERSONAL_DATA_CIPHER,
        SERVICE_NAME,
        SUPERVISOR,
        READ_MODEL_STORE,
        ServiceLoops,
        TOKEN_VERIFIER,
        HTTP_CONFIG,
      ],
    };
  }
}
