import { Injectable } from '@nestjs/common';
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
export const weightingsFromEnv = (
  env: NodeJS.ProcessEnv,
): ReadonlyMap<string, PriorityWeighting> => {
  const raw = env[WEIGHTING_VARIABLE];
  if (raw === undefined || raw.trim() === '') return new Map();
  const fail = (why: string): never => {
    throw new Error(`${WEIGHTING_VARIABLE} ${why}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('must be JSON keyed by tenant id');
  }
  if (typeof parsed !== 'object' || parsed === null) return fail('must be a JSON object');
  return new Map(
    Object.entries(parsed as Record<string, Partial<PriorityWeighting>>).map(([tenant, given]) => {
      const weighting = { ...defaultWeighting, ...given };
      const problems = weightingViolations(weighting);
      if (problems.length > 0)
        fail(`for ${tenant}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
      return [tenant, weighting];
    }),
  );
};

@Injectable()
export class PrioritySettings {
  private readonly weightings = weightingsFromEnv(process.env);

  weightingFor(tenantId: string): PriorityWeighting {
    return this.weightings.get(tenantId) ?? defaultWeighting;
  }
}
