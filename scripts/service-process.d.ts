import type { ChildProcess } from 'node:child_process';

export type ServiceName = 'assessment' | 'planning' | 'approval' | 'analytics' | 'notifications';

export const services: readonly { readonly name: ServiceName; readonly port: number }[];

/** The file a service process runs (its bundle, see scripts/build.js), absolute. */
export function serviceEntry(name: ServiceName | 'console'): string;

/** The console's port: TALENTLOOP_CONSOLE_PORT, else TALENTLOOP_BASE_PORT − 1, else 3000. */
export function consolePortOf(env?: NodeJS.ProcessEnv): number;

/**
 * The console's environment (port, each service's URL, sign-in), or undefined when production
 * sign-in (OIDC_ISSUER, OIDC_CLIENT_ID) is not configured and the console does not start.
 */
export function consoleEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv | undefined;

/**
 * Starts the console after building its web app; its process, or undefined (nothing built) when
 * production sign-in (OIDC_ISSUER, OIDC_CLIENT_ID) is not configured.
 */
export function spawnConsole(
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
): Promise<ChildProcess | undefined>;

/** The port of an instance of a service (1 unless told): instance n is 5 × (n − 1) ports further. */
export function portOf(name: ServiceName, env?: NodeJS.ProcessEnv, instance?: number): number;

export function serviceEnv(
  name: ServiceName,
  env?: NodeJS.ProcessEnv,
  instance?: number,
): NodeJS.ProcessEnv;

export function spawnService(
  name: ServiceName,
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
  instance?: number,
): ChildProcess;

/** TALENTLOOP_DATA_DIR, else data/ of the repository. */
export function dataDirOf(env?: NodeJS.ProcessEnv): string;

/** The development token secret of the data folder, created (0600) when missing. */
export function devJwtSecret(env?: NodeJS.ProcessEnv): string;

/** The V8 flags every service process runs with (`npm start`, the e2e suites, the image). */
export const SERVICE_V8_FLAGS: readonly string[];

/** The environment every service process runs with besides its settings (V8's compile cache). */
export const SERVICE_RUNTIME_ENV: Readonly<Record<string, string>>;
