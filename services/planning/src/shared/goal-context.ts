import { measuredBasisOf, type GoalContext } from '@talentloop/planning-domain';
import type { PlanningDirectory } from '../projections/planning-directory';

export interface ContextSource {
  readonly tenantId: string;
  readonly employeeId: string;
  readonly gapId: string | null;
  readonly competencyId: string;
  /** Given with the draft request; otherwise the one recorded with assessment. */
  readonly motivationNote?: string | null;
}

/**
 * What the directory knows about the target: the employee's latest measurement of it (else the
 * gap's), what their current role requires, the framework, and the motivation they recorded.
 * Ids of people stay out: this is what a drafter may see.
 */
export const goalContextOf = async (
  directory: PlanningDirectory,
  source: ContextSource,
): Promise<GoalContext> => {
  const gap = source.gapId ? await directory.gap(source.tenantId, source.gapId) : undefined;
  const { tenantId, employeeId, competencyId } = source;
  const [competency, latest, roleRequirement] = await Promise.all([
    directory.competency(tenantId, competencyId),
    directory.latestMeasurement(tenantId, employeeId, competencyId),
    directory.roleRequirement(tenantId, employeeId, competencyId),
  ]);
  return {
    targetName: competency?.name ?? competencyId,
    definition: competency?.definition ?? null,
    indicators: competency?.indicators ?? [],
    ...measuredBasisOf({ gap, latest, roleRequirement }),
    motivationNote:
      source.motivationNote ??
      (await directory.motivation(source.tenantId, source.employeeId, source.competencyId)),
  };
};
