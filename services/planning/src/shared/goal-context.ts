import type { GoalContext } from '@talentloop/planning-domain';
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
 * What the directory knows about the target, from the gap, the framework and the motivation
 * the employee recorded. Ids of people stay out: this is what a drafter may see.
 */
export const goalContextOf = async (
  directory: PlanningDirectory,
  source: ContextSource,
): Promise<GoalContext> => {
  const gap = source.gapId ? await directory.gap(source.tenantId, source.gapId) : undefined;
  const competency = await directory.competency(source.tenantId, source.competencyId);
  return {
    targetName: competency?.name ?? source.competencyId,
    definition: competency?.definition ?? null,
    indicators: competency?.indicators ?? [],
    aptitude: gap?.aptitude ?? null,
    behaviour: gap?.behaviour ?? null,
    weakestIndicators: gap?.weakestIndicators ?? [],
    strongestIndicators: gap?.strongestIndicators ?? [],
    requiredLevel: gap?.requiredLevel ?? null,
    motivationNote:
      source.motivationNote ??
      (await directory.motivation(source.tenantId, source.employeeId, source.competencyId)),
  };
};
