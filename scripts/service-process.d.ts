import type { ChildProcess } from 'node:child_process';

export type ServiceName = 'assessment' | 'planning' | 'approval' | 'analytics';

export const services: readonly { readonly name: ServiceName; readonly port: number }[];

export function serviceEnv(name: ServiceName, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;

export function spawnService(
  name: ServiceName,
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
): ChildProcess;
