import { assertNever } from '@talentloop/domain-kernel';
import type { EmployeeFacts } from '../employee-facts';
import type { Period } from './period';

export interface AnalyticsFilters {
  readonly departmentId?: string;
  readonly roleId?: string;
  readonly competencyId?: string;
  readonly period?: Period;
}

/** `team`: the manager's direct reports (facts.managerId), never the wider tree. */
export type AnalyticsScope =
  | { readonly kind: 'organisation' }
  | { readonly kind: 'team'; readonly managerId: string };

export interface AnalyticsRequest {
  readonly scope: AnalyticsScope;
  readonly filters: AnalyticsFilters;
  readonly now: string;
  readonly threshold: number;
}

/** The filters as the report echoes them: the period by its label. */
export interface FilterLabels {
  readonly departmentId?: string;
  readonly roleId?: string;
  readonly competencyId?: string;
  readonly period?: string;
}

export const filterLabels = (filters: AnalyticsFilters): FilterLabels => ({
  ...(filters.departmentId !== undefined && { departmentId: filters.departmentId }),
  ...(filters.roleId !== undefined && { roleId: filters.roleId }),
  ...(filters.competencyId !== undefined && { competencyId: filters.competencyId }),
  ...(filters.period !== undefined && { period: filters.period.label }),
});

/** The instant "now" means for the request: the end of the period if it is over. */
export const referenceInstant = (request: AnalyticsRequest): string => {
  const now = new Date(request.now).toISOString();
  const end = request.filters.period?.to;
  return end !== undefined && end < now ? end : now;
};

/**
 * People never synced from the HRIS are in no population at all. Erased people stay in the
 * figures: their facts hold no personal data (names, e-mails and free text were never in
 * them and are unreadable in the events), so erasure leaves the anonymous aggregates as they
 * were. The scope is fixed by who asks, so it bounds every population rather than being a
 * filter.
 */
export const inScope = (facts: EmployeeFacts, scope: AnalyticsScope): boolean => {
  if (!facts.synced) return false;
  switch (scope.kind) {
    case 'organisation':
      return true;
    case 'team':
      return facts.managerId === scope.managerId;
    default:
      return assertNever(scope);
  }
};
