/**
 * What the end-to-end benches (pipeline.bench.ts: webhooks, mail-pipeline.bench.ts: e-mails)
 * share around the service they measure: a receiver in a process of its own, the service on a
 * temp data folder, the event store as the services open it, all stopped however the bench
 * ends; the two measured phases (appends as fast as the store takes them, and at a fixed rate),
 * with the CPU each process spends in them (the service profiled meanwhile when
 * BENCH_PROFILE_DIR is set); and waiting for the receiver while it still takes something.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@talentloop/event-store';
import { openProtectedEventStore } from '@talentloop/privacy';
import { cpuSeconds } from '../system/memory';
import { openLoop, type OpenLoopRun } from './open-loop';
import { appendInWindows, appendPlanned, type PlannedAppend } from './planned-appends';
import { startNotificationsService, type RunningService } from './service-process';

/** A receiver process of the bench's, as far as the pipeline needs it. */
export interface PipelineReceiver {
  readonly pid: number;
  stop(): Promise<void>;
}

export interface Pipeline<Receiver extends PipelineReceiver> {
  readonly receiver: Receiver;
  readonly service: RunningService;
  /**
   * The service's event store as the services open it (createEventStore + the subject key
   * store of the same file): personal fields sealed per employee, keys made as new ones come.
   */
  readonly store: EventStore;
}

export interface PipelineOptions<Receiver extends PipelineReceiver> {
  /** The temp data folder's name begins with this. */
  readonly folderPrefix: string;
  readonly startReceiver: () => Promise<Receiver>;
  /** The service's environment, given its receiver. */
  readonly serviceEnv: (receiver: Receiver) => NodeJS.ProcessEnv;
}

/**
 * Starts the receiver, then the service on a new temp folder, opens its store, and runs `body`
 * with them. On a failure the service's last lines go to stderr; whatever happens, each is
 * stopped whatever the others do, and the folder removed once nothing has it open.
 */
export const withPipeline = async <Receiver extends PipelineReceiver>(
  { folderPrefix, startReceiver, serviceEnv }: PipelineOptions<Receiver>,
  body: (pipeline: Pipeline<Receiver>) => Promise<void>,
): Promise<void> => {
  const folder = mkdtempSync(join(tmpdir(), folderPrefix));
  let receiver: Receiver | undefined;
  let service: RunningService | undefined;
  let store: EventStore | undefined;
  try {
    receiver = await startReceiver();
    service = await startNotificationsService(serviceEnv(receiver), folder);
    store = await openProtectedEventStore(service.env);
    await body({ receiver, service, store });
  } catch (error) {
    if (service) process.stderr.write(`Service output (last lines):\n${service.output().tail}\n`);
    throw error;
  } finally {
    for (const stop of [() => store?.close(), () => service?.stop(), () => receiver?.stop()])
      await Promise.resolve()
        .then(stop)
        .catch((error: unknown) => process.stderr.write(`stopping: ${String(error)}\n`));
    rmSync(folder, { recursive: true, force: true });
  }
};

/** CPU seconds (user + system) of the service, the receiver and this process. */
export interface Cpu {
  readonly service: number;
  readonly receiver: number;
  readonly bench: number;
}

const cpuNow = ({ service, receiver }: Pipeline<PipelineReceiver>): Cpu => {
  const { user, system } = process.cpuUsage();
  return {
    service: service.cpuSeconds(),
    receiver: cpuSeconds(receiver.pid),
    bench: (user + system) / 1e6,
  };
};

/**
 * Runs one measured phase: the CPU each process spent in it, the service CPU-profiled
 * meanwhile (BENCH_PROFILE_DIR).
 */
const profiledPhase = async <T>(
  pipeline: Pipeline<PipelineReceiver>,
  work: () => Promise<T>,
): Promise<T & { readonly cpu: Cpu }> => {
  const before = cpuNow(pipeline);
  pipeline.service.toggleProfile();
  const result = await work();
  pipeline.service.toggleProfile();
  const after = cpuNow(pipeline);
  return {
    ...result,
    cpu: {
      service: after.service - before.service,
      receiver: after.receiver - before.receiver,
      bench: after.bench - before.bench,
    },
  };
};

/** A throughput phase: when it began, when the last append was stored (epoch ms), its CPU. */
export interface BurstRun {
  readonly startMs: number;
  readonly appendedMs: number;
  readonly cpu: Cpu;
}

/**
 * The throughput phase: `planned` appended as fast as the store takes them (appendInWindows),
 * then `arrived` awaited (the receiver has all that they bring).
 */
export const burstPhase = (
  pipeline: Pipeline<PipelineReceiver>,
  planned: readonly PlannedAppend[],
  arrived: () => Promise<void>,
): Promise<BurstRun> =>
  profiledPhase(pipeline, async () => {
    const startMs = Date.now();
    await appendInWindows(pipeline.store, planned);
    const appendedMs = Date.now();
    await arrived();
    return { startMs, appendedMs };
  });

/**
 * The latency phase: `planned` appended at `perSecond`, open loop (openLoop), then `arrived`
 * awaited.
 */
export const openLoopPhase = (
  pipeline: Pipeline<PipelineReceiver>,
  planned: readonly PlannedAppend[],
  perSecond: number,
  arrived: () => Promise<void>,
): Promise<OpenLoopRun & { readonly cpu: Cpu }> =>
  profiledPhase(pipeline, async () => {
    const run = await openLoop(planned, perSecond, (item) => appendPlanned(pipeline.store, item));
    await arrived();
    return run;
  });

/** A phase's CPU per item in ms, the receiver called `receiverName`. */
export const cpuPer = (cpu: Cpu, per: number, receiverName: string): string =>
  `service ${((cpu.service / per) * 1000).toFixed(2)} ms, ${receiverName} ${((cpu.receiver / per) * 1000).toFixed(2)} ms, bench (appends, sealing) ${((cpu.bench / per) * 1000).toFixed(2)} ms`;

/** One look at what a phase waits for. */
export interface Progress {
  readonly done: boolean;
  /** All the receiver took so far: the phase stalls while this stays put. */
  readonly taken: number;
  /** How far it is, e.g. '1,200 of 6,000'. */
  readonly told: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Looks every 50 ms until `look` says done, telling `… label: told` on stderr every 5 s; fails
 * with `label: ` and what `stalled` makes of the last look once `taken` has not moved for
 * `stallMs`.
 */
export const waitForProgress = async <Look extends Progress>(
  label: string,
  stallMs: number,
  look: () => Promise<Look>,
  stalled: (last: Look) => string,
): Promise<void> => {
  let last = -1;
  let progressAt = Date.now();
  let toldAt = Date.now();
  for (;;) {
    const seen = await look();
    if (seen.done) return;
    const now = Date.now();
    if (seen.taken !== last) {
      last = seen.taken;
      progressAt = now;
    } else if (now - progressAt > stallMs) throw new Error(`${label}: ${stalled(seen)}`);
    if (now - toldAt >= 5_000) {
      process.stderr.write(`… ${label}: ${seen.told}\n`);
      toldAt = now;
    }
    await sleep(50);
  }
};
