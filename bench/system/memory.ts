/**
 * Resident memory of the service processes: the children of `start.js`, found through
 * /proc/<pid>/stat (ppid) and named by the service path in their command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { services } from '../../scripts/testing/running-system';

export type ServiceName = (typeof services)[number];

const parentOf = (pid: string): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields follow the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
};

/** The pid of each service process started by the `start.js` process `parent`. */
export const servicePids = (parent: number): Map<ServiceName, number> => {
  const found = new Map<ServiceName, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    if (parentOf(pid) !== parent) continue;
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const service = services.find((name) => commandLine.includes(`services/${name}/`));
    if (service) found.set(service, Number(pid));
  }
  return found;
};

/**
 * Where a process's resident memory is: anonymous (heap, buffers, code compiled at run time)
 * and file-backed pages (the binary, mapped files), from /proc/<pid>/status; and V8's part of
 * it from the service's own GET /metrics (prom-client's default metrics): the JavaScript heap
 * used and reserved, and memory held outside it (Buffers, native allocations V8 was told of).
 * MiB; NaN for what could not be read.
 */
export interface MemoryParts {
  readonly rss: number;
  readonly anonymous: number;
  readonly file: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

const statusKiB = (status: string, field: string): number => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

const statusOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return ''; // gone: every figure reads NaN
  }
};

/** VmRSS in MiB, or NaN when the process is gone. */
export const rssMiB = (pid: number): number => statusKiB(statusOf(pid), 'VmRSS');

const metricMiB = (metrics: string, name: string): number => {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)$`, 'm').exec(metrics);
  return match ? Number(match[1]) / 1024 / 1024 : Number.NaN;
};

export const memoryParts = async (pid: number, url: string): Promise<MemoryParts> => {
  const status = statusOf(pid);
  const metrics = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.text(),
    () => '',
  );
  return {
    rss: statusKiB(status, 'VmRSS'),
    anonymous: statusKiB(status, 'RssAnon'),
    file: statusKiB(status, 'RssFile'),
    heapUsed: metricMiB(metrics, 'nodejs_heap_size_used_bytes'),
    heapTotal: metricMiB(metrics, 'nodejs_heap_size_total_bytes'),
    external: metricMiB(metrics, 'nodejs_external_memory_bytes'),
  };
};

export const snapshot = (pids: Map<ServiceName, number>): Map<ServiceName, number> =>
  new Map([...pids].map(([service, pid]) => [service, rssMiB(pid)]));

/** Samples every `intervalMs` and keeps the peak per service until `stop()`. */
export class PeakSampler {
  readonly peaks = new Map<ServiceName, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: Map<ServiceName, number>,
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    for (const [service, pid] of this.pids) {
      const rss = rssMiB(pid);
      if (rss > (this.peaks.get(service) ?? 0)) this.peaks.set(service, rss);
    }
  }

  stop(): Map<ServiceName, number> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }
}

/** CPU seconds (user + system) a process has used so far, or NaN when it is gone. */
export const cpuSeconds = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

/** CPU use of each service over a span, as % of one core. */
export class CpuMeter {
  private readonly start = performance.now();
  private readonly before: Map<ServiceName, number>;

  constructor(private readonly pids: Map<ServiceName, number>) {
    this.before = new Map([...pids].map(([service, pid]) => [service, cpuSeconds(pid)]));
  }

  percent(): Map<ServiceName, number> {
    const seconds = (performance.now() - this.start) / 1000;
    return new Map(
      [...this.pids].map(([service, pid]) => [
        service,
        ((cpuSeconds(pid) - this.before.get(service)!) / seconds) * 100,
      ]),
    );
  }
}
