import { streamName } from '@talentloop/contracts';

export const goalStream = (tenantId: string, goalId: string): string =>
  streamName({ context: 'planning', aggregate: 'goal', tenantId, id: goalId });

export const planStream = (tenantId: string, planId: string): string =>
  streamName({ context: 'planning', aggregate: 'plan', tenantId, id: planId });

/** An employee's active set: the goals holding their slots, where concurrent submissions meet. */
export const activeSetStream = (tenantId: string, employeeId: string): string =>
  streamName({ context: 'planning', aggregate: 'activeSet', tenantId, id: employeeId });
