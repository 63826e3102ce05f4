import {
  Controller,
  type DynamicModule,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createEventStore,
  eventStoreConfigFromEnv,
  type EventStore,
} from '@talentloop/event-store';
import { problem } from './problem-details';

/** Injection token of the service's event store (the port, never an adapter). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
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

/** What every service shares: its event store from the environment and health endpoints. */
@Module({})
export class PlatformModule {
  static forService(service: string, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: EVENT_STORE, useFactory: () => createEventStore(eventStoreConfigFromEnv(env)) },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, SERVICE_NAME],
    };
  }
}
