import {
  Controller,
  type DynamicModule,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { stringOr } from '@talentloop/config';
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
import { problem } from './problem-details';

/** Injection tokens of the service's ports (never an adapter). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export interface PlatformOptions {
  /** The context whose events this service publishes; its relay starts with the service. */
  readonly publishes?: BoundedContext;
  readonly env?: NodeJS.ProcessEnv;
}

export const DEFAULT_RELAY_CHECKPOINT_PATH = 'data/relay-checkpoints.sqlite';

/**
 * Starts the relay of the service's own events (event store → bus, checkpointed) after the
 * application is up, and closes the ports in order on shutdown: relay, bus, store.
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay: Relay | undefined;
  private checkpoints: SqliteCheckpointStore | undefined;
  private readonly logger = new Logger('platform');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  onApplicationBootstrap(): void {
    const context = this.options.publishes;
    if (!context) return;
    const env = this.options.env ?? process.env;
    this.checkpoints = new SqliteCheckpointStore({
      path: stringOr(env, 'RELAY_CHECKPOINT_PATH', DEFAULT_RELAY_CHECKPOINT_PATH),
    });
    this.relay = startRelay({
      store: this.store,
      bus: this.bus,
      checkpoints: this.checkpoints,
      name: `${this.service}.${context}`,
      context,
      onRetriableError: (error) =>
        this.logger.warn(
          `relay retrying: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
    this.relay.finished.catch((error: unknown) =>
      this.logger.error('relay stopped', error instanceof Error ? error.stack : String(error)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop().catch(() => undefined);
    this.checkpoints?.close();
    await this.bus.close();
    await this.store.close();
  }
}

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  live() {
    return { status: 'ok', service: this.service };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The service can reach its event store' })
  async ready() {
    try {
      await this.store.readAll({ maxCount: 1 });
    } catch {
      throw new ServiceUnavailableException(
        problem(503, 'NOT_READY', 'the event store is not reachable'),
      );
    }
    return { status: 'ok', service: this.service, checks: { eventStore: 'up' } };
  }
}

/**
 * What every service shares: its event store and bus from the environment, the relay of
 * its own events, and health endpoints.
 */
@Module({})
export class PlatformModule {
  static forService(service: string, options: PlatformOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: EVENT_STORE, useFactory: () => createEventStore(eventStoreConfigFromEnv(env)) },
        {
          provide: MESSAGE_BUS,
          useFactory: () => createMessageBus(messageBusConfigFromEnv(service, env)),
        },
        PlatformLifecycle,
      ],
      exports: [EVENT_STORE, MESSAGE_BUS, SERVICE_NAME],
    };
  }
}
