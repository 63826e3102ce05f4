import { byTenant } from '@talentloop/config';
import { render } from '@talentloop/i18n';
import {
  defaultWeighting,
  weightingViolations,
  type PriorityWeighting,
} from '@talentloop/assessment-domain';

export const WEIGHTING_VARIABLE = 'ASSESSMENT_PRIORITY_WEIGHTING';

/**
 * `ASSESSMENT_PRIORITY_WEIGHTING` is JSON keyed by tenant id, e.g.
 * `{"acme":{"impact":0.6,"potential":0.2,"energy":0.2}}`; unlisted tenants get the default.
 * Configuration rather than an API because the contracts have no event for it yet.
 */
export const weightingsFromEnv = (env: NodeJS.ProcessEnv): ReadonlyMap<string, PriorityWeighting> =>
  byTenant<PriorityWeighting>(env, WEIGHTING_VARIABLE, (given) => {
    const weighting = { ...defaultWeighting, ...(given as Partial<PriorityWeighting>) };
    const problems = weightingViolations(weighting);
    return problems.length > 0
      ? { invalid: problems.map((p) => `${p.field} ${render('en', p.message)}`).join('; ') }
      : weighting;
  });

/** Provided by the service's module, read from its environment at start. */
export class PrioritySettings {
  constructor(private readonly weightings: ReadonlyMap<string, PriorityWeighting>) {}

  weightingFor(tenantId: string): PriorityWeighting {
    return this.weightings.get(tenantId) ?? defaultWeighting;
  }
}
