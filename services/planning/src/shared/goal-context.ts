import {
  facetsOf,
  measuredBasisOf,
  type GoalContext,
  type RoleRequirement,
} from '@talentloop/planning-domain';
import type { Language } from '@talentloop/i18n';
import type { PlanningReadSide } from '../projections/planning-read-side';
import type { GapIdentified } from '@talentloop/contracts';
import type {
  Competency,
  PersonDocument,
  RoleProfileDocument,
} from '../projections/planning-projections';

export interface ContextSource {
  readonly tenantId: string;
  readonly employeeId: string;
  readonly gapId: string | null;
  readonly competencyId: string;
  /** Given with the draft request; otherwise the one recorded with assessment. */
  readonly motivationNote?: string | null;
  /** The language of the goal: the framework's names in it where the tenant published them. */
  readonly language?: Language;
  /** The gap and the person as the caller already read them: not read again. */
  readonly read?: {
    readonly gap: GapIdentified['data'] | undefined;
    readonly person: PersonDocument | undefined;
  };
}

const indicatorIdsOf = (competency: Competency) =>
  competency.indicators.map((indicator) => indicator.indicatorId).join('\n');

/**
 * The competency as the framework in the language published it, while that version names the
 * same indicators as the current one (an older translation of since-changed indicators would
 * name what is no longer measured); otherwise the current one.
 */
const competencyIn = (
  competency: Competency | undefined,
  language: Language | undefined,
): Competency | undefined => {
  const translated = language && competency?.inLanguage?.[language];
  return translated && indicatorIdsOf(translated) === indicatorIdsOf(competency)
    ? translated
    : competency;
};

/** What the role profile asks of the competency (see RoleRequirement). */
const requirementOf = (
  profile: RoleProfileDocument | undefined,
  competencyId: string,
): RoleRequirement =>
  profile === undefined
    ? undefined
    : (profile.requiredCompetencies.find((required) => required.competencyId === competencyId)
        ?.requiredLevel ?? null);

/**
 * What the read side knows about the target: the employee's latest measurement of it (else the
 * gap's), their current role (its name and what it requires), the framework with the target's
 * facets, and the motivation they recorded.
 * Ids of people stay out: this is what a drafter may see.
 */
export const goalContextOf = async (
  readSide: PlanningReadSide,
  source: ContextSource,
): Promise<GoalContext> => {
  const { tenantId, employeeId, competencyId, gapId, language, read } = source;
  // The person is read once: their role and their motivation both come from it.
  const [gap, current, latest, person] = await Promise.all([
    read ? read.gap : gapId ? readSide.gap(tenantId, gapId) : undefined,
    readSide.competency(tenantId, competencyId),
    readSide.latestMeasurement(tenantId, employeeId, competencyId),
    read ? read.person : readSide.person(tenantId, employeeId),
  ]);
  const role = await readSide.roleProfile(tenantId, person?.roleId);
  const competency = competencyIn(current, language);
  return {
    targetName: competency?.name ?? competencyId,
    definition: competency?.definition ?? null,
    indicators: competency?.indicators ?? [],
    ...measuredBasisOf({ gap, latest, roleRequirement: requirementOf(role, competencyId) }),
    roleName: role?.name ?? null,
    // A document from before facet scores were kept has none.
    facets: facetsOf(competency?.facets ?? [], latest?.facetScores ?? []),
    motivationNote:
      source.motivationNote ??
      (await readSide.motivationOf(tenantId, employeeId, person, competencyId)),
  };
};

/**
 * The context a goal of the stream is checked against, at submission or after an adjustment:
 * its own target and gap, and the motivation given with the draft, else the one recorded with
 * assessment.
 */
export const contextOfGoal = (
  readSide: PlanningReadSide,
  tenantId: string,
  goal: {
    readonly employeeId: string;
    readonly gapId: string | null;
    readonly content: { readonly target: { readonly competencyId: string } };
    readonly motivationNote: string | null;
  },
): Promise<GoalContext> =>
  goalContextOf(readSide, {
    tenantId,
    employeeId: goal.employeeId,
    gapId: goal.gapId,
    competencyId: goal.content.target.competencyId,
    motivationNote: goal.motivationNote,
  });
