/**
 * Check-ins are short conversations of 15–30 minutes. Here, not in a service's
 * domain, because planning (a goal's history) and analytics (adherence) read the same rule,
 * and integrators reading `CheckInLogged.durationMinutes` can apply it too.
 */
export const expectedCheckInMinutes = { min: 15, max: 30 } as const;

export type CheckInLength = 'short' | 'within' | 'long';

/**
 * Where a check-in's length falls against the expected range, bounds included. Every length
 * the contract allows (1–240 minutes) is accepted; this only says how it reads. "Outside" means
 * outside 15–30 itself, with no tolerance: minutes are whole and given by the people who met,
 * a tolerance would make a 33-minute check-in read as within "15–30", and whoever reads the
 * flag sees the duration next to it and can judge how far outside it is.
 */
export const checkInLength = (durationMinutes: number): CheckInLength =>
  durationMinutes < expectedCheckInMinutes.min
    ? 'short'
    : durationMinutes > expectedCheckInMinutes.max
      ? 'long'
      : 'within';
