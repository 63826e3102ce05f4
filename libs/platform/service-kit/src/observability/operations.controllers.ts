import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { EventStore } from '@talentloop/event-store';
import type { MessageBus } from '@talentloop/messaging';
import { metricsRegistry, readLags } from '@talentloop/observability';
import type { Supervisor } from '@talentloop/supervision';
import { Public } from '../auth/authentication.guard';
import { problem } from '../problem-details';
import { EVENT_STORE, MESSAGE_BUS, SERVICE_NAME } from '../tokens';
import { SUPERVISOR } from './supervisor.token';

/** A dependency that does not answer within this long counts as down. */
const PROBE_TIMEOUT_MS = 3_000;

const withinTimeout = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
        PROBE_TIMEOUT_MS,
      ).unref(),
    ),
  ]);

/**
 * Liveness and readiness (with the service's lags and background loops), unauthenticated.
 * Liveness ignores the loops: the supervisor restarts a failed loop, restarting the process
 * would not do better.
 */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up (restart it when this fails)' })
  live() {
    return { status: 'ok', service: this.service };
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'The service can reach its event store and its bus, no background loop has been down past LOOP_DOWN_READY_THRESHOLD_MS and every read side has caught up since the start (send it traffic); lags are reported, not judged',
  })
  async ready(): Promise<HealthCheckResult & { service: string }> {
    const probe = async (key: string, work: () => Promise<unknown>) => {
      const check = this.indicators.check(key);
      try {
        await withinTimeout(work());
        return check.up();
      } catch (error) {
        return check.down(error instanceof Error ? error.message : String(error));
      }
    };
    const lag = async () => {
      const lags: Record<string, Record<string, number>> = {};
      for (const { kind, name, value } of await readLags()) (lags[kind] ??= {})[name] = value;
      return this.indicators.check('lag').up(lags);
    };
    const verdict = this.supervisor.readiness();
    const loops = () => {
      const check = this.indicators.check('loops');
      const statuses = this.supervisor.status();
      return verdict.ready
        ? check.up({ loops: statuses })
        : check.down({ loops: statuses, reasons: verdict.reasons });
    };
    try {
      const result = await this.health.check([
        () => probe('eventStore', () => this.store.readAll({ maxCount: 1 })),
        () => probe('bus', () => this.bus.ping()),
        lag,
        loops,
      ]);
      return { ...result, service: this.service };
    } catch (error) {
      const details =
        error instanceof ServiceUnavailableException ? error.getResponse() : String(error);
      const unreachable =
        typeof details === 'object' && details !== null && 'error' in details
          ? Object.keys(details.error as object).filter((key) => key !== 'loops')
          : [];
      const why = [
        ...(unreachable.length > 0 ? [`not reachable: ${unreachable.join(', ')}`] : []),
        ...(verdict.ready ? [] : [`not ready: ${verdict.reasons.join('; ')}`]),
      ];
      throw new ServiceUnavailableException(
        problem(503, 'NOT_READY', why.join('; ') || 'not reachable: unknown', {
          service: this.service,
          health: details,
        }),
      );
    }
  }
}

/** Prometheus scrape endpoint, unauthenticated. */
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @ApiExcludeEndpoint()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
