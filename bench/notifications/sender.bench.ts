/**
 * Webhook sender benchmark: signed deliveries through one WebhookSender (signDelivery, the SSRF
 * guard, pinned keep-alive sockets) to a real receiver that verifies every signature, beside
 * the limit in the same run: a bare `http.request` loop with a keep-alive agent to the same
 * receiver, the same bodies and concurrency, without signing or guard.
 * Run with `node -r @swc-node/register bench/notifications/sender.bench.ts`.
 * BENCH_DELIVERIES (default 20,000) per path and round, BENCH_CONCURRENCY (default 64) in
 * flight, BENCH_ROUNDS (default 3) alternating rounds of both paths, the best of each compared.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import {
  deliveryIdOf,
  newWebhookSecret,
  parseAllowlist,
  signDelivery,
} from '@talentloop/notifications-domain';
import { WebhookSender } from '@talentloop/webhooks';
import { closedLoop, type ClosedLoopRun } from '../lib/closed-loop';
import { formatCount, formatRate, formatRatio, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { MachineLoad } from '../lib/machine-load';
import { percentile, positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';
import { cloudEventBody, preSignedHeaders, rawRequests } from './raw-http';
import { startReceiverProcess } from './receiver-client';

const deliveries = positiveFromEnv('BENCH_DELIVERIES', 20_000);
const concurrency = positiveFromEnv('BENCH_CONCURRENCY', 64);
const rounds = positiveFromEnv('BENCH_ROUNDS', 3);
const WARMUP = 5_000;
const BODY_BYTES = 1_024;
/** The sender's default; the raw agent gets the same, so both paths have the same sockets. */
const SOCKETS = 16;

const secret = newWebhookSecret(randomBytes(32));
const subscriptionId = randomUUID();

interface Phase {
  readonly path: string;
  readonly round: number;
  readonly run: ClosedLoopRun;
  readonly non2xx: number;
  /** CPU time (user + system) of this process, the sending side, per delivery. */
  readonly cpuMicros: number;
}

/** The sender bench, its report printed; a receiver of its own, stopped at the end. */
export const runSenderBench = async (): Promise<void> => {
  const load = new MachineLoad();
  const receiver = await startReceiverProcess(secret);
  const { url } = receiver;
  const sender = new WebhookSender({
    allowlist: parseAllowlist('127.0.0.1'),
    maxSocketsPerOrigin: SOCKETS,
  });
  const rawAgent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
  try {
    const bodies = Array.from({ length: deliveries }, (_, index) =>
      cloudEventBody(index, BODY_BYTES),
    );
    const ids = bodies.map((_, index) => deliveryIdOf(subscriptionId, `event-${index}`));
    let non2xx = 0;
    const ok = (status: number | undefined) => {
      if (status === undefined || status < 200 || status > 299) non2xx++;
    };

    const viaSender = async (index: number) => {
      const payload = bodies[index % deliveries];
      const headers = signDelivery({
        id: ids[index % deliveries],
        timestamp: new Date(),
        payload,
        secrets: [secret],
      });
      const attempt = await sender.send({ url, headers, body: payload });
      ok(attempt.kind === 'response' ? attempt.status : undefined);
    };
    // The raw path signs nothing: it sends signatures made before timing (valid for the
    // Standard Webhooks tolerance of 5 minutes), so the receiver does the same work for both.
    const viaRawRequest = rawRequests(
      url,
      rawAgent,
      bodies,
      preSignedHeaders(bodies, ids, secret),
      ok,
    );

    const paths = [
      { path: 'raw http.request, keep-alive (limit)', task: viaRawRequest },
      { path: 'WebhookSender (signed, guarded)', task: viaSender },
    ];
    for (const { task } of paths) await closedLoop(WARMUP, concurrency, task);
    const warmed = await receiver.counts();
    non2xx = 0;
    const phases: Phase[] = [];
    for (let round = 1; round <= rounds; round++)
      for (const { path, task } of paths) {
        const before = non2xx;
        const cpu = process.cpuUsage();
        const run = await closedLoop(deliveries, concurrency, task);
        const { user, system } = process.cpuUsage(cpu);
        phases.push({
          path,
          round,
          run,
          non2xx: non2xx - before,
          cpuMicros: (user + system) / run.latencies.length,
        });
      }
    const taken = await receiver.counts();

    const perSecond = ({ run }: Phase) => run.latencies.length / run.seconds;
    const best = (path: string) =>
      Math.max(...phases.filter((phase) => phase.path === path).map(perSecond));
    const limit = best(paths[0].path);
    const ours = best(paths[1].path);
    const ms = (phase: Phase, p: number) => percentile(phase.run.latencies, p).toFixed(2);

    console.log(`# Webhook sender benchmark\n\n${describeMachine()}\n`);
    console.log(
      `${formatCount(deliveries)} deliveries per path and round, bodies of ${formatCount(BODY_BYTES)} bytes, ` +
        `${concurrency} in flight, ${SOCKETS} keep-alive sockets each; receiver (startWebhookReceiver, ` +
        `verifying every signature, answering 204) in a process of its own; ${rounds} alternating ` +
        `round(s) after ${formatCount(WARMUP)} untimed deliveries per path. The raw path sends ` +
        `signatures made before timing (the receiver's work is the same). Latency: signing + send ` +
        `(ours), request to end of response (raw). Sender CPU: this process's user + system time.\n`,
    );
    console.log(
      markdownTable(
        [
          { header: 'path' },
          { header: 'round', align: 'right' },
          { header: 'deliveries', align: 'right' },
          { header: 'time', align: 'right' },
          { header: 'deliveries/s', align: 'right' },
          { header: 'p50 ms', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'sender CPU µs each', align: 'right' },
          { header: 'non-2xx', align: 'right' },
          { header: 'of raw', align: 'right' },
        ],
        phases.map((phase) => [
          phase.path,
          String(phase.round),
          formatCount(phase.run.latencies.length),
          formatSeconds(phase.run.seconds),
          formatRate(perSecond(phase)),
          ms(phase, 50),
          ms(phase, 99),
          phase.cpuMicros.toFixed(0),
          formatCount(phase.non2xx),
          formatRatio(perSecond(phase) / limit, true),
        ]),
      ),
    );
    const sent = deliveries * rounds * paths.length;
    console.log(
      [
        '',
        `WebhookSender: best ${formatRate(ours)}/s; raw http.request best ${formatRate(limit)}/s: ` +
          `${formatRatio(ours / limit)} of raw (${formatRatio(ours / limit, true)}).`,
        `Receiver: took ${formatCount(taken.taken - warmed.taken)} of the ${formatCount(sent)} ` +
          `deliveries of the timed rounds and verified ${formatCount(taken.verified - warmed.verified)}; ` +
          `its RSS ${formatCount(taken.rssMiB)} MiB at the end (it keeps every delivery).`,
        load.describe(),
      ].join('\n'),
    );
  } finally {
    sender.close();
    rawAgent.destroy();
    await receiver.stop();
  }
};

if (require.main === module)
  runSenderBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
