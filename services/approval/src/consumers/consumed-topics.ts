import type { BoundedContext } from '@talentloop/contracts';

/** Approval reacts to submitted goals (planning) and to reporting lines (assessment). */
export const consumedContexts: readonly BoundedContext[] = ['planning', 'assessment'];
