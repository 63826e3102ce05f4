/**
 * What a start is measured by, from outside the processes: the first 200 of GET /health/ready
 * (the services answer 503 while a read side is still catching up), and the services' own lag
 * gauges on GET /metrics falling to 0 (everything stored is published, consumed and applied).
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A probe or scrape that takes longer than this counts as not answered. */
const REQUEST_TIMEOUT_MS = 5_000;

export interface PollOptions {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Aborted when the system failed (a process died): the poll stops with it. */
  readonly signal: AbortSignal;
}

/**
 * Seconds from `since` (a performance.now() value: the process was spawned) to the first 200
 * of `url`/health/ready, asking every `intervalMs`; a request that finds no listener yet
 * counts as not ready.
 */
export const secondsToReady = async (
  url: string,
  since: number,
  { intervalMs, timeoutMs, signal }: PollOptions,
): Promise<number> => {
  for (;;) {
    try {
      // A signal of its own per request: thousands of polls must not pile listeners on `signal`.
      const response = await fetch(`${url}/health/ready`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.ok) return (performance.now() - since) / 1000;
    } catch {
      // not listening yet, or too busy to answer in time
    }
    if (signal.aborted) throw new Error(`${url}: polling stopped, the system failed`);
    if (performance.now() - since > timeoutMs)
      throw new Error(`${url} not ready after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(intervalMs);
  }
};

/**
 * Every sample of work still to do on a Prometheus text page: the `talentloop_*lag*` gauges and
 * the `talentloop_*_pending` ones (the analytics reports' warm-up); series → value.
 */
const lagSamples = (text: string): Map<string, number> => {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(talentloop_(?:\w*lag\w*|\w*_pending)(?:\{[^}]*\})?)\s+([0-9.eE+-]+)$/.exec(
      line.trim(),
    );
    if (match) samples.set(match[1], Number(match[2]));
  }
  return samples;
};

export interface Settled {
  /** Seconds from `since` until every lag of every service read 0 twice in a row; NaN if never. */
  readonly seconds: number;
  /** Lag series seen per service; none means the service exposes no lag to wait for. */
  readonly series: ReadonlyMap<string, number>;
  /** When the wait timed out: the series that were not 0 at the last scrape, with their values. */
  readonly stillBusy: readonly string[];
}

/**
 * Waits until every lag gauge of every service reads 0 on two scrapes in a row: the relays
 * have published the history, the consumers have handled it and the projections applied it;
 * and the work a service does after its start (the analytics reports' warm-up) is done.
 * A ready service may still be working through its consumers' backlog (consumer lag is
 * reported, not judged, by readiness); stopping it then would leave that work to the restart.
 * Gives up after `timeoutMs`, saying which series were still above 0.
 */
export const secondsToSettled = async (
  urls: Readonly<Record<string, string>>,
  since: number,
  { intervalMs, timeoutMs }: Omit<PollOptions, 'signal'>,
): Promise<Settled> => {
  let quietScrapes = 0;
  for (;;) {
    const series = new Map<string, number>();
    const busy: string[] = [];
    for (const [service, url] of Object.entries(urls)) {
      try {
        const response = await fetch(`${url}/metrics`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const samples = lagSamples(await response.text());
        series.set(service, samples.size);
        for (const [name, value] of samples)
          if (value !== 0) busy.push(`${service} ${name} = ${value}`);
      } catch (error) {
        busy.push(`${service}: /metrics did not answer (${String(error)})`);
      }
    }
    quietScrapes = busy.length > 0 ? 0 : quietScrapes + 1;
    if (quietScrapes >= 2)
      return { seconds: (performance.now() - since) / 1000, series, stillBusy: [] };
    if (performance.now() - since > timeoutMs)
      return { seconds: Number.NaN, series, stillBusy: busy };
    await sleep(intervalMs);
  }
};
