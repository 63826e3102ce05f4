import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { expectedCheckInMinutes } from '@talentloop/contracts';
import type { Language } from '@talentloop/i18n';
import { CurrentActor, RequestLanguage, type Actor } from '@talentloop/service-kit';
import { AnalyticsFiltersDto } from './analytics-filters.dto';
import { AnalyticsReportQuery } from './analytics-report.handler';

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('active-plans')
  @ApiOperation({
    summary: 'Employees with at least one active goal: count and share, by department, over time',
  })
  activePlans(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.queries.execute(new AnalyticsReportQuery('active-plans', actor, language, filters));
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
    return this.queries.execute(
      new AnalyticsReportQuery('development-focus', actor, language, filters),
    );
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
    return this.queries.execute(new AnalyticsReportQuery('gap-map', actor, language, filters));
  }

  @Get('approval-flow')
  @ApiOperation({ summary: 'Approval turnaround (median, p90) and rejection rate' })
  approvalFlow(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @Query() filters: AnalyticsFiltersDto,
  ) {
    return this.queries.execute(
      new AnalyticsReportQuery('approval-flow', actor, language, filters),
    );
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
    return this.queries.execute(
      new AnalyticsReportQuery('check-in-adherence', actor, language, filters),
    );
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
    return this.queries.execute(new AnalyticsReportQuery('growth', actor, language, filters));
  }
}
