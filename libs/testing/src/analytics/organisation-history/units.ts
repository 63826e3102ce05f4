export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The calendar day of a time in milliseconds: `2026-01-31`. */
export const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** A score held to 0–100. */
export const clamp = (score: number): number => (score < 0 ? 0 : score > 100 ? 100 : score);
