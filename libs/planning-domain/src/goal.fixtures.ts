import type { GoalContext } from './goal-content';

/** The context of the contracts' example gap: Collaboration, active listening the weak spot. */
export const context: GoalContext = {
  targetName: 'Collaboration',
  definition: 'Works with others towards a shared result.',
  indicators: [],
  aptitude: 78,
  behaviour: 45,
  weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
  strongestIndicators: [],
  requiredLevel: 4,
  measuredBy: { measurementId: 'msr-5001', instrument: null, measuredAt: null },
  motivationNote: null,
};
