import { consolePortOf, portOf, services } from '../service-process';

/**
 * The ports of a system under test: a base port drawn at random below Linux's ephemeral range
 * (32768+), so that no outgoing connection can already hold one, and clear of every port the
 * test infrastructure listens on in that range (FerretDB on 27027 by default).
 */

/** Draws from 20000 up to (not including) 32000: below the ephemeral range. */
const FIRST = 20_000;
const END = 32_000;
/** Instances of one service a system may run (the scale-out suite runs two of each). */
export const MAX_INSTANCES = 3;

/**
 * The ports a system with this base port may listen on, in ascending order: the console's and
 * every service's, for each instance up to MAX_INSTANCES (as scripts/service-process.js lays
 * them out: consolePortOf, portOf).
 */
export const portsOf = (base: number): readonly number[] => {
  const env = { TALENTLOOP_BASE_PORT: String(base) };
  const instances = Array.from({ length: MAX_INSTANCES }, (_, index) => index + 1);
  return [
    consolePortOf(env),
    ...instances.flatMap((instance) => services.map(({ name }) => portOf(name, env, instance))),
  ].sort((a, b) => a - b);
};

/** How far a system's ports reach from the lowest to the highest, both included. */
const SPAN = ((ports) => ports.at(-1)! - ports[0] + 1)(portsOf(FIRST + 1));

/**
 * Every local port named in the environment's values: the brokers and databases the suites
 * reach (KAFKA_BROKERS, KAFKA_SASL_BROKERS, MONGODB_URI…), which listen while the suites run.
 */
export const reservedPorts = (env: NodeJS.ProcessEnv): ReadonlySet<number> => {
  const ports = new Set<number>();
  for (const value of Object.values(env)) {
    if (value === undefined) continue;
    for (const match of value.matchAll(
      /(?:127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):(\d{1,5})\b/g,
    ))
      ports.add(Number(match[1]));
  }
  return ports;
};

/**
 * A base port whose ports (portsOf) hold none of `reserved`, drawn with `random` (a few draws
 * at most: the reserved ports are few). Throws if every draw hit one.
 */
export const basePortAvoiding = (
  reserved: ReadonlySet<number>,
  random: () => number = Math.random,
): number => {
  for (let draw = 0; draw < 100; draw += 1) {
    const base = FIRST + 1 + Math.floor(random() * (END - FIRST - SPAN));
    if (!portsOf(base).some((port) => reserved.has(port))) return base;
  }
  throw new Error(`no base port clear of ${[...reserved].join(', ')} after 100 draws`);
};
