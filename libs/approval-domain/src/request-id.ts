import { createHash } from 'node:crypto';

/**
 * One request thread per goal and tenant, with an id derived from both: a redelivered or
 * revised GoalSubmitted finds the same thread without a lookup, and ids of two tenants
 * never collide. Hashed because a goal id may already use the whole 128-character budget.
 */
export const approvalRequestIdFor = (tenantId: string, goalId: string): string =>
  `apr-${createHash('sha256').update(`${tenantId}\u0000${goalId}`).digest('hex').slice(0, 32)}`;

/**
 * One request per adjustment, derived like a goal's thread: a redelivered GoalAdjusted finds
 * the same request. Adjustments of one goal may await a decision side by side.
 */
export const adjustmentRequestIdFor = (
  tenantId: string,
  goalId: string,
  adjustmentId: string,
): string =>
  `apr-${createHash('sha256')
    .update(`${tenantId}\u0000${goalId}\u0000adjustment\u0000${adjustmentId}`)
    .digest('hex')
    .slice(0, 32)}`;
