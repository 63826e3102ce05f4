import type { ChildProcess } from 'node:child_process';

export type ServiceName = 'assessment' | 'planning' | 'approval' | 'analytics';

export const services: readonly { readonly name: ServiceName; readonly port: number }[];

export function serviceEnv(name: ServiceName, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;

export function spawnService(
  name: ServiceName,
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
): ChildProcess;

/** TALENTLOOP_DATA_DIR, else data/ of the repository. */
export function dataDirOf(env?: NodeJS.ProcessEnv): string;

/** The development token secret of the data folder, created (0600) when missing. */
export function devJwtSecret(env?: NodeJS.ProcessEnv): string;
