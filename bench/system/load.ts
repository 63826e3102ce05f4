/**
 * One autocannon run at a fixed offered rate (`overallRate`), each request built by `next`
 * so every request is a distinct, valid command. Latencies are autocannon's: from the write
 * of a request to its response, per connection (closed loop under the rate limiter, so a
 * saturated server shows as a lower achieved rate more than as a higher p99).
 */
import autocannon from 'autocannon';

export interface CommandRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface LoadResult {
  readonly offered: number;
  readonly seconds: number;
  readonly sent: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly achieved: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly statusCodes: Record<string, number>;
}

export const runLoad = async (options: {
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
  readonly next: () => CommandRequest;
}): Promise<LoadResult> => {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    overallRate: options.rate,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const command = options.next();
          return {
            ...request,
            method: 'POST',
            path: command.path,
            headers: { ...request.headers, ...command.headers },
            body: command.body ?? '',
          };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  );
  const ok = result['2xx'];
  return {
    offered: options.rate,
    seconds: result.duration,
    sent: result.requests.sent,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    achieved: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    statusCodes,
  };
};
