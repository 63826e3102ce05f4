/** The values that occur more than once, each named once. */
export const duplicatesOf = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
};

/** Two versions of a definition say the same thing once their version numbers are ignored. */
export const sameIgnoringVersion = <Definition extends object>(
  left: Definition,
  right: Definition,
  versionField: keyof Definition,
): boolean =>
  JSON.stringify({ ...left, [versionField]: 0 }) ===
  JSON.stringify({ ...right, [versionField]: 0 });

export const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

export const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** Every score in the product is on 0–100. */
export const isScore = (value: number): boolean =>
  Number.isFinite(value) && value >= 0 && value <= 100;
