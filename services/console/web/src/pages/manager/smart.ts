import type { SmartCheck } from '../../lib/goal';

/** The SMART properties in the order of the acronym (acceptable beside achievable). */
export const smartOrder = [
  'specific',
  'measurable',
  'achievable',
  'acceptable',
  'relevant',
  'time-bound',
] as const;
export type SmartProperty = (typeof smartOrder)[number];

export const isSmartProperty = (property: string): property is SmartProperty =>
  (smartOrder as readonly string[]).includes(property);

export interface SmartSummary {
  /** The checks in acronym order; properties this console does not know come last. */
  readonly checks: readonly SmartCheck[];
  readonly passed: number;
  readonly total: number;
  /** The properties that did not pass, in acronym order. */
  readonly failed: readonly string[];
}

const rank = (property: string) => {
  const index = (smartOrder as readonly string[]).indexOf(property);
  return index === -1 ? smartOrder.length : index;
};

/** How a version fared on the SMART check: each property in order, and the count passed. */
export const smartSummary = (checks: readonly SmartCheck[]): SmartSummary => {
  const ordered = checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check.property) - rank(b.check.property) || a.index - b.index)
    .map(({ check }) => check);
  const failed = ordered.filter((check) => !check.passed).map((check) => check.property);
  return {
    checks: ordered,
    passed: ordered.length - failed.length,
    total: ordered.length,
    failed,
  };
};

/** Whether a property's outcome or explanation differs from the previous version's. */
export const smartChanges = (
  previous: readonly SmartCheck[],
  current: readonly SmartCheck[],
): ReadonlySet<string> => {
  const before = new Map(previous.map((check) => [check.property, check]));
  return new Set(
    current
      .filter((check) => {
        const old = before.get(check.property);
        return !old || old.passed !== check.passed || old.explanation !== check.explanation;
      })
      .map((check) => check.property),
  );
};
