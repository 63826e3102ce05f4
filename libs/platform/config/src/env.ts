/**
 * Reading settings from environment variables. Every service validates its settings at
 * start; a bad value stops it with a message naming the variable and what it accepts.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = NodeJS.ProcessEnv;

const valueOf = (env: Env, variable: string): string | undefined => {
  const value = env[variable]?.trim();
  return value ? value : undefined;
};

/** One of a fixed set of words; the fallback when unset. */
export const oneOf = <Value extends string>(
  env: Env,
  variable: string,
  allowed: readonly Value[],
  fallback: Value,
): Value => {
  const value = valueOf(env, variable) ?? fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new ConfigError(variable, `must be one of ${allowed.join(', ')}; got '${value}'`);
  return value as Value;
};

/** Free text; the fallback when unset. */
export const stringOr = (env: Env, variable: string, fallback: string): string =>
  valueOf(env, variable) ?? fallback;

/** Free text that must be set, optionally matching a pattern described by `shape`. */
export const requiredString = (
  env: Env,
  variable: string,
  why: string,
  format?: { readonly pattern: RegExp; readonly shape: string },
): string => {
  const value = valueOf(env, variable);
  if (value === undefined) throw new ConfigError(variable, `is required ${why}`);
  if (format && !format.pattern.test(value))
    throw new ConfigError(variable, `must look like ${format.shape}; got '${value}'`);
  return value;
};

/** A whole number in a range; the fallback when unset. */
export const integerIn = (
  env: Env,
  variable: string,
  range: { readonly min: number; readonly max: number },
  fallback: number,
): number => {
  const raw = valueOf(env, variable);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max)
    throw new ConfigError(
      variable,
      `must be a whole number from ${range.min} to ${range.max}; got '${raw}'`,
    );
  return value;
};

/** A comma-separated list of non-empty items. */
export const listOf = (env: Env, variable: string, why: string): string[] => {
  const items = requiredString(env, variable, why)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new ConfigError(variable, `is required ${why}`);
  return items;
};

/**
 * A JSON object keyed by tenant id (e.g. `{"acme":2}`), each value checked by `read`, which
 * returns the value or says what is wrong with it; an empty map when unset.
 */
export const byTenant = <Value>(
  env: Env,
  variable: string,
  read: (given: unknown, tenant: string) => Value | { readonly invalid: string },
): ReadonlyMap<string, Value> => {
  const raw = valueOf(env, variable);
  if (raw === undefined) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(variable, 'must be JSON keyed by tenant id');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(variable, 'must be a JSON object keyed by tenant id');
  return new Map(
    Object.entries(parsed).map(([tenant, given]) => {
      const value = read(given, tenant);
      if (typeof value === 'object' && value !== null && 'invalid' in value)
        throw new ConfigError(variable, `for ${tenant}: ${value.invalid}`);
      return [tenant, value];
    }),
  );
};
