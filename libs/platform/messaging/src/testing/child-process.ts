import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { BoundedContext } from '@talentloop/contracts';

export type BusUnderTest =
  | { readonly kind: 'kafka'; readonly brokers: readonly string[] }
  | { readonly kind: 'embedded'; readonly path: string; readonly leaseTtlMs?: number };

export type BusProcessRole =
  | {
      readonly role: 'consumer';
      readonly bus: BusUnderTest;
      readonly topic: string;
      readonly groupId: string;
      readonly handlerDelayMs: number;
    }
  | {
      readonly role: 'relay';
      readonly bus: BusUnderTest;
      readonly storePath: string;
      readonly name: string;
      readonly context: BoundedContext;
      readonly topic: string;
      readonly pageSize: number;
    };

export interface BusProcess {
  readonly lines: readonly string[];
  /** Resolves with the first line (already printed or to come) that matches. */
  waitForLine(matches: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** SIGKILL: no stop(), no commit, no goodbye to the group — a crash. */
  crash(): Promise<void>;
}

export const spawnBusProcess = (role: BusProcessRole): BusProcess => {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'bus-process.fixture.ts'), JSON.stringify(role)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    lines,
    waitForLine: (matches, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find(matches);
          if (line === undefined) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(line);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no matching line from the child process; got ${lines.length} lines`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
};
