import { getHeapStatistics } from 'node:v8';

/** V8's `gc` as `--expose-gc` gives it (SERVICE_V8_FLAGS in scripts/service-process.js, the image's CMD). */
type ExposedGc = (options: {
  readonly type: 'major';
  readonly execution: 'sync';
  readonly flavor: 'last-resort';
}) => void;

/** What one compaction gave back, in bytes of V8 heap. */
export interface HeapCompaction {
  /** Heap committed (V8's total heap size) before and after. */
  readonly committedBefore: number;
  readonly committedAfter: number;
  /** Heap in use after: what the process really keeps. */
  readonly usedAfter: number;
  /** How long the process stood still for it. */
  readonly ms: number;
}

const exposedGc = (): ExposedGc | undefined => {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as ExposedGc) : undefined;
};

/**
 * Compacts V8's heap once and gives its empty pages back to the system: V8's last-resort
 * collection (several full collections, compacting, reducing the footprint). For the end of a
 * one-off burst of allocation, such as a service loading a large read side at start: V8 keeps
 * the heap that burst grew committed, tens of MiB of RSS at rest, until its memory reducer
 * gets round to it minutes later. It stops the process for as long as it takes (hundreds of
 * ms for a heap of 200 MiB): not for a request path. Undefined when the process runs without
 * `--expose-gc`, which is the only way Node offers to ask for it.
 */
export const compactHeap = (
  gc: ExposedGc | undefined = exposedGc(),
): HeapCompaction | undefined => {
  if (gc === undefined) return undefined;
  const committedBefore = getHeapStatistics().total_heap_size;
  const started = performance.now();
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  const after = getHeapStatistics();
  return {
    committedBefore,
    committedAfter: after.total_heap_size,
    usedAfter: after.used_heap_size,
    ms: performance.now() - started,
  };
};

/** When a process compacts its heap by itself (see compactWhenIdle). */
export interface IdleCompactionSettings {
  /**
   * How long the event loop must have been nearly idle (busy under 5 % of the time) before a
   * compaction; 0 turns idle compaction off. HEAP_COMPACT_IDLE_MS, 2,000 by default.
   */
  readonly idleMs: number;
  /** The least time between two compactions. */
  readonly minIntervalMs: number;
  /** The least time since the last compaction for one after a burst announced over (burstEnded). */
  readonly announcedMinIntervalMs: number;
}

export const DEFAULT_IDLE_COMPACTION: IdleCompactionSettings = {
  idleMs: 2_000,
  minIntervalMs: 60_000,
  announcedMinIntervalMs: 10_000,
};

/**
 * The heap as it was after the last compaction. Before the first, nothing is known to be
 * kept (0 bytes): what a process keeps after its start is only known once it has compacted,
 * and a service may have loaded its read side before it began watching.
 */
export interface CompactedHeap {
  /** performance.now() of the compaction; -Infinity before any. */
  readonly at: number;
  /** Bytes in use after it: what the process kept. */
  readonly liveBytes: number;
}

/** The process now. */
export interface HeapNow {
  readonly at: number;
  /** V8's total heap size: what the heap holds committed. */
  readonly committedBytes: number;
  /** How long the event loop has been nearly idle, up to now. */
  readonly idleForMs: number;
}

/**
 * Committed heap beyond this share and margin over what the last compaction kept is the mark
 * of a burst (a start's load, a catch-up, a replay) rather than V8's usual headroom.
 */
const BURST_RATIO = 1.5;
const BURST_MARGIN_BYTES = 64 * 1024 * 1024;

/**
 * The mark after a burst its own code said is over (burstEnded): the heap committed beyond
 * what the last compaction kept by this margin. Lower than the general mark, which has to tell
 * a burst from V8's headroom by size alone: a replay of a million events leaves the analytics
 * heap some 60 MiB above what the service keeps, under 1.5 × of it.
 */
const ANNOUNCED_MARGIN_BYTES = 32 * 1024 * 1024;

/**
 * Whether to compact now: the process has been idle for `idleMs`, and a burst left the heap
 * committed well beyond what it keeps, the last compaction `minIntervalMs` ago; or, after a
 * burst announced over (`announced`), beyond what it keeps by 32 MiB, the last compaction
 * `announcedMinIntervalMs` ago.
 */
export const compactionDue = (
  now: HeapNow,
  last: CompactedHeap,
  settings: IdleCompactionSettings,
  announced = false,
): boolean => {
  if (settings.idleMs === 0 || now.idleForMs < settings.idleMs) return false;
  const since = now.at - last.at;
  if (
    since >= settings.minIntervalMs &&
    now.committedBytes >= last.liveBytes * BURST_RATIO + BURST_MARGIN_BYTES
  )
    return true;
  return (
    announced &&
    since >= settings.announcedMinIntervalMs &&
    now.committedBytes >= last.liveBytes + ANNOUNCED_MARGIN_BYTES
  );
};

/** A burst was announced over and no compaction has run since (see burstEnded). */
let burstAnnounced = false;

/**
 * Says that a one-off burst of allocation has just ended, such as a replay of the event log
 * to an integrator: the process's watcher (compactWhenIdle) then gives back what the burst
 * left at its next idle moment, with the lower announced mark, instead of leaving it to V8's
 * memory reducer minutes later. Only a hint: without a watcher it does nothing.
 */
export const burstEnded = (): void => {
  burstAnnounced = true;
};

/** The event loop's utilisation at or under which a moment counts as idle. */
const IDLE_UTILISATION = 0.05;

/**
 * Watches the process and compacts its heap (compactHeap) once a burst of allocation is over
 * and nothing is going on: what V8's own memory reducer does minutes later, so that a service
 * at rest holds what it keeps, not what its start, a catch-up or a replay once needed. The
 * compaction stands the process still for a moment (0.3–0.4 s on a 200 MiB heap), which is
 * why it waits for an idle event loop: once after a start whose heap is above 64 MiB, then
 * after each burst (sooner after one announced by burstEnded). Returns how to stop watching;
 * does nothing (and says so through `log`) when the process runs without --expose-gc or
 * idleMs is 0.
 */
export const compactWhenIdle = (
  settings: IdleCompactionSettings,
  log: (message: string) => void,
  onCompacted: (compaction: HeapCompaction) => void = () => undefined,
  checkEveryMs = 500,
): (() => void) => {
  const gc = exposedGc();
  if (settings.idleMs === 0) return () => undefined;
  if (gc === undefined) {
    log('heap compaction when idle is off: the process runs without --expose-gc');
    return () => undefined;
  }
  let last: CompactedHeap = { at: -Infinity, liveBytes: 0 };
  let idleSince = performance.now();
  let previous = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const current = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(current, previous).utilization;
    previous = current;
    const at = performance.now();
    if (busy > IDLE_UTILISATION) {
      idleSince = at;
      return;
    }
    const now = {
      at,
      committedBytes: getHeapStatistics().total_heap_size,
      idleForMs: at - idleSince,
    };
    if (!compactionDue(now, last, settings, burstAnnounced)) return;
    const compaction = compactHeap(gc)!;
    burstAnnounced = false;
    last = { at: performance.now(), liveBytes: compaction.usedAfter };
    idleSince = last.at;
    previous = performance.eventLoopUtilization();
    log(
      `heap compacted when idle in ${compaction.ms.toFixed(0)} ms: ${describeCompaction(compaction)}`,
    );
    onCompacted(compaction);
  }, checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
};

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** "committed 236 MiB → 188 MiB, in use 184 MiB". */
export const describeCompaction = ({
  committedBefore,
  committedAfter,
  usedAfter,
}: HeapCompaction): string =>
  `committed ${mib(committedBefore)} → ${mib(committedAfter)}, in use ${mib(usedAfter)}`;
