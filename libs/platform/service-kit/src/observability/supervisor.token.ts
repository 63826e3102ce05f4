/**
 * Injection token of the service's one Supervisor: the platform runs its relays under it and
 * a service registers its own loops (consumers, projection runners) with it.
 */
export const SUPERVISOR = Symbol('SUPERVISOR');
