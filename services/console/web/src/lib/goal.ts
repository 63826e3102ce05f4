/** A goal's content and checks as planning and approval answer with them (only the fields read). */

/** Where a goal is in its life: drafted, submitted, decided, active, over. */
export type Phase =
  | 'draft'
  | 'submitted'
  | 'rejected'
  | 'revised'
  | 'active'
  | 'evaluated'
  | 'withdrawn';

/** One SMART property checked: passed or not, and why. */
export interface SmartCheck {
  readonly property: string;
  readonly passed: boolean;
  readonly explanation: string;
}

/** `GET /goals/:goalId/smart-check`: the goal as it is now, checked in the reader's language. */
export interface GoalSmartCheck {
  readonly goalId: string;
  readonly checkedOn: string;
  readonly checks: readonly SmartCheck[];
}

export interface Target {
  readonly kind: string;
  readonly competencyId: string;
  readonly indicatorIds: readonly string[];
}

export interface Criterion {
  readonly kind?: 'measured' | 'evidence';
  readonly criterionId: string;
  readonly instrument?: string;
  readonly metric?: string;
  readonly indicatorIds?: readonly string[];
  readonly target?: number;
  readonly evidence?: string;
  readonly description: string;
}

export interface Action {
  readonly actionId: string;
  readonly kind: string;
  readonly description: string;
  readonly frequency: string;
  readonly estimatedHours: number;
}

export interface Milestone {
  readonly description: string;
  readonly dueOn: string;
}

export interface GoalContent {
  readonly title: string;
  readonly language: 'en' | 'nl';
  readonly target: Target;
  readonly behaviour: string;
  readonly situation: string;
  readonly successCriteria: readonly Criterion[];
  readonly actions: readonly Action[];
  readonly milestones?: readonly Milestone[];
  readonly deadline: string;
}

/** An event a command answered with (a submission, an approval, a rejection…). */
export interface EventBody {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What a goal aims at, as one text to compare: the competency and its indicators. */
export const targetText = (content: Pick<GoalContent, 'target'>): string =>
  [content.target.competencyId, ...content.target.indicatorIds].join(' ');
