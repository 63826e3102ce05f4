/** The p-th percentile (0–100, nearest rank) of ascending values; NaN when there are none. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** A positive number from an environment variable, or the fallback when unset. */
export const positiveFromEnv = (
  name: string,
  fallback: number,
  { whole = true }: { readonly whole?: boolean } = {},
): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!(Number.isFinite(value) && value > 0 && (!whole || Number.isInteger(value))))
    throw new Error(
      `${name} must be a positive ${whole ? 'whole ' : ''}number, got ${process.env[name]}`,
    );
  return value;
};
