import { ApiPropertyOptional } from '@nestjs/swagger';
import { parsePeriod, type AnalyticsFilters } from '@talentloop/analytics-domain';
import { catalogueMessage, ID_PATTERN, Optional } from '@talentloop/service-kit';
import { IsString, Matches } from 'class-validator';

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const idMessage = { message: catalogueMessage('validation.idFilter') };

/** The filters every analytics query takes; all optional. */
export class AnalyticsFiltersDto {
  @ApiPropertyOptional({ description: 'Only employees of this department (now)' })
  @Optional()
  @IsString()
  @Matches(ID_PATTERN, idMessage)
  department?: string;

  @ApiPropertyOptional({ description: 'Only employees in this role (now)' })
  @Optional()
  @IsString()
  @Matches(ID_PATTERN, idMessage)
  role?: string;

  @ApiPropertyOptional({ description: 'Only this competency (or skill, certification, area)' })
  @Optional()
  @IsString()
  @Matches(ID_PATTERN, idMessage)
  competency?: string;

  @ApiPropertyOptional({
    description:
      'A calendar year (2026), quarter (2026-Q1) or month (2026-03), UTC. Whole buckets only, so two periods never overlap partly.',
    pattern: PERIOD.source,
  })
  @Optional()
  @IsString()
  @Matches(PERIOD, {
    message: catalogueMessage('validation.period'),
  })
  period?: string;
}

/** The filters as the reports read them, from a request's (already validated) query. */
export const analyticsFiltersOf = (filters: AnalyticsFiltersDto): AnalyticsFilters => ({
  departmentId: filters.department,
  roleId: filters.role,
  competencyId: filters.competency,
  // The DTO already checked the shape; parsePeriod is the one definition of its bounds.
  period: filters.period === undefined ? undefined : parsePeriod(filters.period),
});
