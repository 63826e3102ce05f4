import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { BoundedContext } from '@talentloop/contracts';
import {
  createEventStore,
  eventStoreConfigFromEnv,
  type EventStore,
} from '@talentloop/event-store';
import {
  createMessageBus,
  messageBusConfigFromEnv,
  type MessageBus,
  type Relay,
  SqliteCheckpointStore,
  startRelay,
} from '@talentloop/messaging';
import {
  protectPersonalData,
  sealedStoreOf,
  subjectKeyStoreConfigFromEnv,
} from '@talentloop/privacy';
import { authConfigFromEnv } from './auth/auth.config';
import { AuthenticationGuard, TOKEN_VERIFIER } from './auth/authentication.guard';
import { createTokenVerifier } from './auth/token-verifier';
import { AccessGuard } from './access/access.guard';
import { HealthController, MetricsController } from './observability/operations.controllers';
import { relayCheckpointPathFromEnv } from './platform.config';
import { EVENT_STORE, MESSAGE_BUS, PERSONAL_DATA_CIPHER, SERVICE_NAME } from './tokens';

export { EVENT_STORE, MESSAGE_BUS, PERSONAL_DATA_CIPHER, SERVICE_NAME };
const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
const PROTECTED_PORTS = Symbol('PROTECTED_PORTS');
type ProtectedPorts = Awaited<ReturnType<typeof protectPersonalData>>;

export interface PlatformOptions {
  /** The contexts whose events this service publishes; a relay per context starts with the service. */
  readonly publishes?: BoundedContext | readonly BoundedContext[];
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * How long the relay gathers appends before publishing them in one page: under load one bus
 * write per 20 ms instead of one per group commit (each an fsync on the embedded log, which
 * blocks the event loop), for at most 20 ms more on the way from command to consumer.
 */
const RELAY_LINGER_MS = 20;

/**
 * Starts the relay of the service's own events (event store → bus, checkpointed) after the
 * application is up, and closes the ports in order on shutdown: relay, bus, store.
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relays: Relay[] = [];
  private checkpoints: SqliteCheckpointStore | undefined;
  private readonly logger = new Logger('platform');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  onApplicationBootstrap(): void {
    const contexts = [this.options.publishes ?? []].flat();
    if (contexts.length === 0) return;
    const env = this.options.env ?? process.env;
    const checkpoints = new SqliteCheckpointStore({
      path: relayCheckpointPathFromEnv(env),
    });
    this.checkpoints = checkpoints;
    this.relays = contexts.map((context) => {
      const relay = startRelay({
        // Events leave as stored: personal fields sealed, so the bus only carries ciphertext.
        store: sealedStoreOf(this.store),
        bus: this.bus,
        checkpoints,
        name: `${this.service}.${context}`,
        context,
        lingerMs: RELAY_LINGER_MS,
        onRetriableError: (error) =>
          this.logger.warn(
            `relay retrying: ${error instanceof Error ? error.message : String(error)}`,
          ),
      });
      relay.finished.catch((error: unknown) =>
        this.logger.error('relay stopped', error instanceof Error ? error.stack : String(error)),
      );
      return relay;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.relays.map((relay) => relay.stop().catch(() => undefined)));
    this.checkpoints?.close();
    await this.bus.close();
    await this.store.close();
  }
}

/**
 * What every service shares: its event store and bus from the environment, the relay of
 * its own events, bearer-token authentication of every route but health and metrics (AUTH_*),
 * health (liveness, readiness) and Prometheus metrics.
 */
@Module({})
export class PlatformModule {
  static forService(service: string, options: PlatformOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    return {
      module: PlatformModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: PLATFORM_OPTIONS, useValue: options },
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
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(authConfigFromEnv(env)) },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        // After authentication: the one authorisation (ACCESS-MATRIX.md) of every route.
        { provide: APP_GUARD, useClass: AccessGuard },
        PlatformLifecycle,
      ],
      exports: [EVENT_STORE, MESSAGE_BUS, PERSONAL_DATA_CIPHER, SERVICE_NAME, TOKEN_VERIFIER],
    };
  }
}
