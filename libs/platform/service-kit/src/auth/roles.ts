/** The roles a token may carry, which the access policies grant by. */
export const roles = ['employee', 'manager', 'hr', 'admin', 'integrator'] as const;
export type Role = (typeof roles)[number];
