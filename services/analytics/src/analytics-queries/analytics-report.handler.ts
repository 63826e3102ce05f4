import { ForbiddenException, Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  analyticsReports,
  keptCountsSize,
  warmUpSteps,
  type AnalyticsReportName,
  type AnalyticsRequest,
  type AnalyticsScope,
} from '@talentloop/analytics-domain';
import { renderTextsIn, text, type Language } from '@talentloop/i18n';
import { CLOCK, problem, type Actor, type Clock } from '@talentloop/service-kit';
import { metricsRegistry } from '@talentloop/observability';
import { Gauge } from 'prom-client';
import { ANALYTICS_SETTINGS, type AnalyticsSettings } from '../analytics.settings';
import { FactsView } from '../projections/facts-view';
import { analyticsFiltersOf, type AnalyticsFiltersDto } from './analytics-filters.dto';

/** One report for the caller's scope, its withheld figures' reasons in the language. */
export class AnalyticsReportQuery extends Query<unknown> {
  constructor(
    readonly report: AnalyticsReportName,
    readonly actor: Actor,
    readonly language: Language,
    readonly filters: AnalyticsFiltersDto,
  ) {
    super();
  }
}

/** Steps of the reports' warm-up not yet run: 0 once every report is warm (or nothing to warm). */
const warmUpPending = new Gauge({
  name: 'talentloop_analytics_warm_up_steps_pending',
  help: "Steps of the reports' warm-up after the start not yet run (a report and kind of filter per tenant); 0 when warm",
  registers: [metricsRegistry],
});

/** The reports' kept counts, bounded in bytes (KEPT_COUNTS_BYTES). */
new Gauge({
  name: 'talentloop_analytics_kept_counts_bytes',
  help: 'Bytes of the population counts the reports keep for the next request (bounded by KEPT_COUNTS_BYTES, 32 MiB)',
  registers: [metricsRegistry],
  collect() {
    this.set(keptCountsSize().bytes);
  },
});

/** HR and admins see the organisation; a manager sees their direct reports only. */
const scopeOf = (actor: Actor): AnalyticsScope => {
  if (actor.roles.includes('hr') || actor.roles.includes('admin')) return { kind: 'organisation' };
  if (actor.roles.includes('manager')) return { kind: 'team', managerId: actor.userId };
  throw new ForbiddenException(problem(403, 'FORBIDDEN', text('analytics.notForYou')));
};

@QueryHandler(AnalyticsReportQuery)
export class AnalyticsReportHandler
  implements IQueryHandler<AnalyticsReportQuery>, OnApplicationBootstrap
{
  constructor(
    private readonly view: FactsView,
    @Inject(ANALYTICS_SETTINGS) private readonly settings: AnalyticsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ report, actor, language, filters }: AnalyticsReportQuery): Promise<unknown> {
    const scope = scopeOf(actor);
    const request: AnalyticsRequest = {
      scope,
      filters: analyticsFiltersOf(filters),
      now: this.clock.now().toISOString(),
      threshold: this.settings.privacyThreshold,
    };
    const asOf = this.view.asOf;
    const figures = analyticsReports[report](this.view.factsOf(actor.tenantId), request);
    return Promise.resolve(renderTextsIn({ asOf, scope, ...figures }, language));
  }

  /**
   * Once the facts are loaded, every report runs once per tenant and kind of filter: the
   * reports keep per-employee working data (parsed times, numbered ids, per-filter lists) that
   * the first request of each kind would otherwise build while a user waits. One report and
   * kind of filter per turn of the event loop, so the service answers (its readiness too) in
   * between: the whole warm-up takes seconds at 10,000 employees.
   */
  onApplicationBootstrap(): void {
    // Warming is only an optimisation: a view that fails to load (logged by FactsView, 503 to
    // callers) or a rebuild switching it meanwhile just leaves the rest cold.
    this.view.ready
      .then(async () => {
        const steps = this.view.tenantIds().flatMap((tenantId) => this.warmUp(tenantId));
        warmUpPending.set(steps.length);
        for (const step of steps) {
          await new Promise((resolve) => setImmediate(resolve));
          step();
          warmUpPending.dec();
        }
      })
      .catch(() => warmUpPending.set(0));
  }

  /** A tenant's warm-up, a step per report and kind of filter. */
  private warmUp(tenantId: string): (() => void)[] {
    // The facts as they are at each step: the view may have moved on since the first.
    return warmUpSteps(
      () => this.view.factsOf(tenantId),
      this.clock.now().toISOString(),
      this.settings.privacyThreshold,
    );
  }
}
