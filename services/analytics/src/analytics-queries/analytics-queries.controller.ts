import {
  Controller,
  ForbiddenException,
  Get,
  Inject,
  type OnApplicationBootstrap,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  activePlansReport,
  approvalFlowReport,
  checkInAdherenceReport,
  developmentFocusReport,
  gapMapReport,
  growthReport,
  parsePeriod,
  type AnalyticsFilters,
  type AnalyticsRequest,
  type AnalyticsScope,
  type EmployeeFacts,
} from '@talentloop/analytics-domain';
import { expectedCheckInMinutes } from '@talentloop/contracts';
import {
  CLOCK,
  CurrentActor,
  problem,
  RequestLanguage,
  type Actor,
  type Clock,
} from '@talentloop/service-kit';
import { renderTextsIn, text, type Language } from '@talentloop/i18n';
import { ANALYTICS_SETTINGS, type AnalyticsSettings } from '../analytics.settings';
import { FactsView } from '../projections/facts-view';
import { AnalyticsFiltersDto } from './analytics-filters.dto';

/** HR and admins see the organisation; a manager sees their direct reports only. */
export const scopeOf = (actor: Actor): AnalyticsScope => {
  if (actor.roles.includes('hr') || actor.roles.includes('admin')) return { kind: 'organisation' };
  if (actor.roles.includes('manager')) return { kind: 'team', managerId: actor.userId };
  throw new ForbiddenException(problem(403, 'FORBIDDEN', text('analytics.notForYou')));
};

type Report<Result> = (facts: readonly EmployeeFacts[], request: AnalyticsRequest) => Result;

const reports: readonly Report<unknown>[] = [
  activePlansReport,
  developmentFocusReport,
  gapMapReport,
  approvalFlowReport,
  checkInAdherenceReport,
  growthReport,
];

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsQueriesController implements OnApplicationBootstrap {
  constructor(
    private readonly view: FactsView,
    @Inject(ANALYTICS_SETTINGS) private readonly settings: AnalyticsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Once the facts are loaded, every report runs once per tenant and kind of filter: the
   * reports keep per-employee working data (parsed times, numbered ids, per-filter lists) that
   * the first request of each kind would otherwise build while a user waits.
   */
  onApplicationBootstrap(): void {
    // Warming is only an optimisation: a view that fails to load (logged by FactsView, 503 to
    // callers) or a rebuild switching it meanwhile just leaves the rest cold.
    this.view.ready
      .then(async () => {
        for (const tenantId of this.view.tenantIds()) {
          // One tenant per turn of the event loop: requests are served in between.
          await new Promise((resolve) => setImmediate(resolve));
          this.warm(tenantId);
        }
      })
      .catch(() => undefined);
  }

  private warm(tenantId: string): void {
    const now = this.clock.now().toISOString();
    const facts = this.view.factsOf(tenantId);
    const sample = facts[0];
    const filterKinds: AnalyticsFilters[] = [
      {},
      { departmentId: sample?.departmentId ?? undefined, roleId: sample?.roleId ?? undefined },
      {
        competencyId: Object.keys(sample?.measurements ?? {})[0] ?? 'none',
        period: parsePeriod(now.slice(0, 4)),
      },
    ];
    for (const report of reports)
      for (const filters of filterKinds)
        report(facts, {
          scope: { kind: 'organisation' },
          filters,
          now,
          threshold: this.settings.privacyThreshold,
        });
  }

  /** The report for the caller's scope, its withheld figures' reasons in the language. */
  private answer<Result>(
    actor: Actor,
    language: Language,
    filters: AnalyticsFiltersDto,
    report: Report<Result>,
  ) {
    const scope = scopeOf(actor);
    const request: AnalyticsRequest = {
      scope,
      filters: {
        departmentId: filters.department,
        roleId: filters.role,
        competencyId: filters.competency,
        // The DTO already checked the shape; parsePeriod is the one definition of its bounds.
        period: filters.period === undefined ? undefined : parsePeriod(filters.period),
      },
      now: this.clock.now().toISOString(),
      threshold: this.settings.privacyThreshold,
    };
    const asOf = this.view.asOf;
    return renderTextsIn(
      { asOf, scope, ...report(this.view.factsOf(actor.tenantId), request) },
      language,
    );
  }

  @Get('active-plans')
  @ApiOperation({
    summary: 'Employees with at least one active goal: count and share, by department, over time',
  })
  activePlans(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.answer(actor, language, filters, activePlansReport);
  }

  @Get('development-focus')
  @ApiOperation({
    summary: 'Goals per competency by status; the most developed competencies first',
  })
  developmentFocus(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.answer(actor, language, filters, developmentFocusReport);
  }

  @Get('gap-map')
  @ApiOperation({
    summary: 'Average and distribution of gaps per competency, overall and per department',
  })
  gapMap(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.answer(actor, language, filters, gapMapReport);
  }

  @Get('approval-flow')
  @ApiOperation({ summary: 'Approval turnaround (median, p90) and rejection rate' })
  approvalFlow(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.answer(actor, language, filters, approvalFlowReport);
  }

  @Get('check-in-adherence')
  @ApiOperation({
    summary: 'Share of due check-ins that were held on time',
    description: `Each figure also counts the held check-ins outside the expected ${expectedCheckInMinutes.min}–${expectedCheckInMinutes.max} minutes (\`outsideExpectedLength\`: count, short, long, and their share of \`held\`), withheld with the figure.`,
  })
  checkInAdherence(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.answer(actor, language, filters, checkInAdherenceReport);
  }

  @Get('growth')
  @ApiOperation({
    summary:
      'Baseline → remeasurement change per competency and indicator; share of goals achieved',
  })
  growth(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.answer(actor, language, filters, growthReport);
  }
}
