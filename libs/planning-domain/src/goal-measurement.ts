import type { GoalActivated } from '@talentloop/contracts';

/** A measurement as a goal keeps it: the baseline frozen at activation, or a later one. */
export type GoalMeasurement = NonNullable<GoalActivated['data']['baseline']>;
