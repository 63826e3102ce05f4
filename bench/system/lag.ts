/**
 * Where a backlog sits: the services' own lag gauges (GET /metrics, Prometheus text):
 * talentloop_relay_lag_events (store → bus not yet published), talentloop_consumer_lag_messages
 * (bus → consumer group not yet committed), talentloop_projection_lag_events. Sampled every
 * `intervalMs`; the peak per series is kept.
 */
const lagLine =
  /^(talentloop_(?:relay_lag_events|consumer_lag_messages|projection_lag_events))\{([^}]*)\}\s+([0-9.eE+-]+)$/;

export class LagSampler {
  readonly peaks = new Map<string, number>();
  private running = true;
  private readonly finished: Promise<void>;

  constructor(
    private readonly urls: Record<string, string>,
    private readonly intervalMs = 250,
  ) {
    this.finished = this.loop();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await Promise.all(
        Object.entries(this.urls).map(async ([service, url]) => {
          try {
            const text = await (await fetch(`${url}/metrics`)).text();
            for (const line of text.split('\n')) {
              const match = lagLine.exec(line.trim());
              if (!match) continue;
              const name = /(?:relay|group|projection)="([^"]*)"/.exec(match[2])?.[1] ?? '?';
              const key = `${service} ${match[1].replace(/^talentloop_/, '')} ${name}`;
              this.peaks.set(key, Math.max(this.peaks.get(key) ?? 0, Number(match[3])));
            }
          } catch {
            // a busy service may not answer in time; the next sample will
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }

  async stop(): Promise<Map<string, number>> {
    this.running = false;
    await this.finished;
    return this.peaks;
  }
}
