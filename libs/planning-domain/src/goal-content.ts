import type { GoalDrafted, GoalEdited, MeasurementInstrument } from '@talentloop/contracts';

type DraftedData = GoalDrafted['data'];

/** What a goal says: the part the employee owns and edits, as the contracts define it. */
export type GoalContent = Omit<
  DraftedData,
  'goalId' | 'planId' | 'employeeId' | 'gapId' | 'drafter' | 'motivationNote'
>;
export type GoalChanges = GoalEdited['data']['changes'];
export type SuccessCriterion = GoalContent['successCriteria'][number];
/** Read from a measurement of the target: instrument, metric, indicators and a target score. */
export type MeasuredCriterion = Extract<SuccessCriterion, { readonly kind: 'measured' }>;
/** Met by recorded evidence (a certificate, a course completion, a work sample, an attestation). */
export type EvidenceCriterion = Extract<SuccessCriterion, { readonly kind: 'evidence' }>;
export type DevelopmentAction = GoalContent['actions'][number];
export type DrafterProvenance = DraftedData['drafter'];
export type Language = GoalContent['language'];

export interface IndicatorScore {
  readonly indicatorId: string;
  readonly score: number;
}

/**
 * What is known about the employee and the development target when a goal is drafted or
 * checked. Personal identifiers are deliberately absent: this is what a drafter may see.
 */
export interface GoalContext {
  readonly targetName: string;
  readonly definition: string | null;
  readonly indicators: readonly {
    readonly indicatorId: string;
    readonly name: string;
    readonly levels: Readonly<Record<'1' | '2' | '3' | '4' | '5', string>>;
  }[];
  readonly aptitude: number | null;
  readonly behaviour: number | null;
  readonly weakestIndicators: readonly IndicatorScore[];
  readonly strongestIndicators: readonly IndicatorScore[];
  /** Level the role profile requires; null when the target is not in the role profile. */
  readonly requiredLevel: number | null;
  /** The name of the employee's current role; null when no role profile is known. */
  readonly roleName: string | null;
  /**
   * The talent facets the framework says underlie aptitude for the target, with the employee's
   * score on each from the latest measurement (null when it did not score the facet).
   */
  readonly facets: readonly {
    readonly facetId: string;
    readonly name: string;
    readonly description: string;
    readonly score: number | null;
  }[];
  /**
   * The measurement the scores above come from; null when there is none. A gap names only its
   * measurement's id; the latest measurement also its instrument and date.
   */
  readonly measuredBy: {
    readonly measurementId: string;
    readonly instrument: MeasurementInstrument | null;
    readonly measuredAt: string | null;
  } | null;
  readonly motivationNote: string | null;
}

/** Organisation-configurable bounds of the SMART check. */
export interface SmartSettings {
  /** Score points (0–100 scale) a person can realistically grow per month. */
  readonly maxGrowthPerMonth: number;
  readonly deadlineMinMonths: number;
  readonly deadlineMaxMonths: number;
}

/** 5 points a month: 20 → 50 in six months is ambitious; 20 → 80 is not realistic. */
export const defaultSmartSettings: SmartSettings = {
  maxGrowthPerMonth: 5,
  deadlineMinMonths: 3,
  deadlineMaxMonths: 6,
};

export const applyChanges = (content: GoalContent, changes: GoalChanges): GoalContent => ({
  ...content,
  ...changes,
});

/** The content a drafted goal carries, without its ids and provenance. */
export const contentOf = (drafted: DraftedData): GoalContent => ({
  title: drafted.title,
  target: drafted.target,
  behaviour: drafted.behaviour,
  situation: drafted.situation,
  successCriteria: drafted.successCriteria,
  actions: drafted.actions,
  milestones: drafted.milestones,
  deadline: drafted.deadline,
  language: drafted.language,
});

export const measuredCriteriaOf = (content: Pick<GoalContent, 'successCriteria'>) =>
  content.successCriteria.filter(
    (criterion): criterion is MeasuredCriterion => criterion.kind === 'measured',
  );

/** The instruments the measured criteria name, each once: what a remeasurement schedules. */
export const instrumentsOf = (content: Pick<GoalContent, 'successCriteria'>) => [
  ...new Set(measuredCriteriaOf(content).map((criterion) => criterion.instrument)),
];

export const evidenceCriteriaOf = (content: Pick<GoalContent, 'successCriteria'>) =>
  content.successCriteria.filter(
    (criterion): criterion is EvidenceCriterion => criterion.kind === 'evidence',
  );

/** A goal no measurement evaluates: each of its criteria is met by recorded evidence. */
export const isEvidenceOnly = (content: Pick<GoalContent, 'successCriteria'>): boolean =>
  measuredCriteriaOf(content).length === 0;

/** The target kinds whose growth a certificate, a course or a work sample can prove. */
export const evidenceTargetKinds: readonly GoalContent['target']['kind'][] = [
  'skill',
  'certification',
  'knowledge-area',
];
