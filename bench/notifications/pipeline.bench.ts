/**
 * Webhook pipeline benchmark (issue 16): the notifications service as it runs, in its own
 * process from dist/ on a temp data folder, a Standard Webhooks receiver verifying every
 * signature in a process of its own, one subscription made through the HTTP API as an
 * integrator (`talentloop.planning.*`), and GoalSubmitted events appended by this process into
 * the same SQLite event store through the protected store the services use (personal fields
 * sealed per employee): one stream per event, many employees, a quarter of the events on a few
 * busy employees (about ten each) so that the order per subject is exercised.
 *
 * - Throughput: BENCH_EVENTS (20,000) appended as fast as the store takes them (windows of
 *   APPEND_WINDOW appends, one group commit each); deliveries/s from the first append to the
 *   last delivery the receiver took, beside the sender-only limit in the same run (a bare
 *   http.request loop, pre-signed, to the same receiver, as many deliveries). Floor 1,000/s.
 * - Latency: BENCH_RATE (200) events/s offered for BENCH_SECONDS (30), open loop (appended on a
 *   fixed schedule, whatever the deliveries do); event → delivery = the receiver's receipt time
 *   minus the time the append was stored (one machine, one clock). Floor p99 ≤ 500 ms.
 *
 * Run with `node -r @swc-node/register bench/notifications/pipeline.bench.ts` (after
 * `npm run build`: spawnService builds too). BENCH_PROFILE_DIR: CPU profiles of the service
 * during each phase (bench/system/cpu-profile.preload.js).
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { eventRegistry, streamName } from '@talentloop/contracts';
import { deliveryIdOf } from '@talentloop/notifications-domain';
import { closedLoop } from '../lib/closed-loop';
import { devAuth } from '../lib/dev-auth';
import { formatCount, formatRate, formatRatio, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { MachineLoad } from '../lib/machine-load';
import { percentile, positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';
import { latencyTable } from './open-loop';
import { burstPhase, cpuPer, openLoopPhase, waitForProgress, withPipeline } from './pipeline-run';
import { appendPlanned, describeAppends, type PlannedAppend } from './planned-appends';
import { cloudEventBody, preSignedHeaders, rawRequests } from './raw-http';
import { startReceiverProcess, type ReceiverProcess } from './receiver-client';
import type { Receipt } from './receiver-process';

const events = positiveFromEnv('BENCH_EVENTS', 20_000);
const rate = positiveFromEnv('BENCH_RATE', 200);
const seconds = positiveFromEnv('BENCH_SECONDS', 30);
/** Untimed events first, delivered before the phases start: the service's code warm. */
const WARMUP = 1_000;
/** The floors. */
const THROUGHPUT_FLOOR = 1_000;
const P99_FLOOR_MS = 500;
/** The service's defaults (NOTIFICATIONS_DELIVERY_CONCURRENCY, the sender's sockets per origin). */
const SERVICE_CONCURRENCY = 32;
const SERVICE_SOCKETS = 16;
/** A phase fails when the receiver takes nothing new for this long. */
const STALL_MS = 60_000;
const TENANT = 'bench-notifications';
const EVENT_TYPES = ['talentloop.planning.*'];

const definition = eventRegistry.current('GoalSubmitted');
if (definition === undefined) throw new Error('GoalSubmitted is not in the contracts registry');
const example = definition.example as Record<string, unknown>;

interface Planned extends PlannedAppend {
  readonly subject: string;
}

/**
 * `count` submissions for phase `phase`, one goal stream each: every fourth on one of
 * count/40 busy employees (about ten events each, in order), the others each on an employee
 * of its own. Data: the registry's example with this event's ids.
 */
const plan = (phase: string, count: number): Planned[] => {
  const busy = Math.max(1, Math.round(count / 40));
  return Array.from({ length: count }, (_, index) => {
    const employeeId =
      index % 4 === 0 ? `emp-${phase}-busy-${(index / 4) % busy}` : `emp-${phase}-${index}`;
    const goalId = `goal-${phase}-${index}`;
    return {
      streamName: streamName({
        context: 'planning',
        aggregate: 'goal',
        tenantId: TENANT,
        id: goalId,
      }),
      subject: employeeId,
      event: {
        id: randomUUID(),
        type: definition.name,
        data: {
          ...example,
          goalId,
          planId: `plan-${employeeId}`,
          employeeId,
          managerId: `emp-${phase}-manager-${index % 50}`,
        },
        metadata: {
          tenantId: TENANT,
          actorId: employeeId,
          occurredAt: '',
          schemaVersion: definition.version,
        },
      },
    };
  });
};

/** Waits until the receiver has taken `target` deliveries in all; fails when it stalls. */
const waitForDeliveries = (receiver: ReceiverProcess, target: number, label: string) =>
  waitForProgress(
    label,
    STALL_MS,
    async () => {
      const { taken } = await receiver.counts();
      return {
        done: taken >= target,
        taken,
        told: `${formatCount(taken)} of ${formatCount(target)}`,
      };
    },
    ({ told }) => `the receiver took nothing for ${STALL_MS / 1000} s (${told} in all)`,
  );

/** What the receiver took of a phase's events: counts, first receipt per event, order kept. */
interface Checked {
  readonly expected: number;
  readonly taken: number;
  /** Distinct expected webhook-ids taken. */
  readonly distinct: number;
  /** Takings beyond the first of a webhook-id, and takings of no expected id. */
  readonly duplicates: number;
  readonly strangers: number;
  readonly verified: number;
  /** Subjects with several events whose deliveries came out of their append order. */
  readonly outOfOrder: number;
  readonly busySubjects: number;
  /** The first receipt of each expected event, by event id. */
  readonly firstByEvent: Map<string, Receipt>;
}

const check = (
  planned: readonly Planned[],
  receipts: readonly Receipt[],
  subscriptionId: string,
): Checked => {
  const expectedIds = new Map(
    planned.map((item) => [deliveryIdOf(subscriptionId, item.event.id), item]),
  );
  const firstByEvent = new Map<string, Receipt>();
  const seen = new Set<string>();
  let duplicates = 0;
  let strangers = 0;
  let verified = 0;
  const arrivals = new Map<string, string[]>();
  for (const receipt of receipts) {
    const item = expectedIds.get(receipt.id);
    if (item === undefined) {
      strangers++;
      continue;
    }
    if (receipt.verified) verified++;
    if (seen.has(receipt.id)) {
      duplicates++;
      continue;
    }
    seen.add(receipt.id);
    firstByEvent.set(receipt.eventId, receipt);
    const list = arrivals.get(receipt.subject) ?? [];
    list.push(receipt.eventId);
    arrivals.set(receipt.subject, list);
  }
  const appended = new Map<string, string[]>();
  for (const item of planned) {
    const list = appended.get(item.subject) ?? [];
    list.push(item.event.id);
    appended.set(item.subject, list);
  }
  let outOfOrder = 0;
  let busySubjects = 0;
  for (const [subject, order] of appended) {
    if (order.length < 2) continue;
    busySubjects++;
    if ((arrivals.get(subject) ?? []).join() !== order.join()) outOfOrder++;
  }
  return {
    expected: planned.length,
    taken: receipts.length,
    distinct: seen.size,
    duplicates,
    strangers,
    verified,
    outOfOrder,
    busySubjects,
    firstByEvent,
  };
};

const integrity = (checked: Checked) =>
  checked.distinct === checked.expected &&
  checked.duplicates === 0 &&
  checked.verified === checked.taken - checked.strangers &&
  checked.outOfOrder === 0;

const verdict = (pass: boolean) => (pass ? 'PASS' : 'BELOW');

/** The pipeline bench, its report printed; everything it started stopped, its folder removed. */
export const runPipelineBench = async (): Promise<void> => {
  const load = new MachineLoad();
  const auth = devAuth();
  await withPipeline(
    {
      folderPrefix: 'talentloop-bench-notifications-',
      startReceiver: () => startReceiverProcess(),
      serviceEnv: () => ({ ...auth.env, NOTIFICATIONS_WEBHOOK_ALLOWLIST: '127.0.0.1' }),
    },
    async (pipeline) => {
      const { receiver: taking, service: running, store: opened } = pipeline;
      const authorization = await auth.authorization({
        tenantId: TENANT,
        userId: 'int-bench',
        roles: ['integrator'],
      });
      const call = async <T>(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T> => {
        const response = await fetch(`${running.url}${path}`, {
          method,
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
        return JSON.parse(text) as T;
      };
      // The secret comes with the subscription, which needs a URL first: the receiver verifies
      // with it from a new URL, and the subscription is pointed there.
      const { subscriptionId, secret } = await call<{ subscriptionId: string; secret: string }>(
        'POST',
        '/webhook-subscriptions',
        { url: taking.url, eventTypes: EVENT_TYPES, description: 'bench receiver' },
      );
      await call('PATCH', `/webhook-subscriptions/${subscriptionId}`, {
        url: await taking.useSecret(secret),
      });

      // Warm-up: the service's code paths compiled, the receiver's too.
      const warm = plan('w', WARMUP);
      await Promise.all(warm.map((item) => appendPlanned(opened, item)));
      await waitForDeliveries(taking, WARMUP, 'warm-up');

      // Throughput.
      const burst = plan('t', events);
      const burstFrom = (await taking.counts()).taken;
      const burstRun = await burstPhase(pipeline, burst, () =>
        waitForDeliveries(taking, burstFrom + events, 'throughput'),
      );
      const burstChecked = check(burst, await taking.receipts(burstFrom), subscriptionId);
      const lastReceipt = Math.max(
        ...[...burstChecked.firstByEvent.values()].map((r) => r.receivedAt),
      );
      const burstSeconds = (lastReceipt - burstRun.startMs) / 1000;
      const pipelineRate = burstChecked.distinct / burstSeconds;
      const meanBytes = Math.round(
        [...burstChecked.firstByEvent.values()].reduce((sum, r) => sum + r.bytes, 0) /
          burstChecked.firstByEvent.size,
      );

      // The sender-only limit, same receiver, same count, the service's concurrency and sockets.
      const bodies = Array.from({ length: events }, (_, index) => cloudEventBody(index, meanBytes));
      const ids = bodies.map((_, index) => deliveryIdOf(subscriptionId, `raw-${index}`));
      const agent = new Agent({ keepAlive: true, maxSockets: SERVICE_SOCKETS });
      let rawNon2xx = 0;
      const raw = rawRequests(
        taking.url,
        agent,
        bodies,
        preSignedHeaders(bodies, ids, secret),
        (status) => {
          if (status === undefined || status < 200 || status > 299) rawNon2xx++;
        },
      );
      await closedLoop(Math.min(2_000, events), SERVICE_CONCURRENCY, raw);
      rawNon2xx = 0;
      const rawBefore = await taking.counts();
      const rawRun = await closedLoop(events, SERVICE_CONCURRENCY, raw);
      const rawAfter = await taking.counts();
      agent.destroy();
      const rawRate = rawRun.latencies.length / rawRun.seconds;

      // Latency: open loop.
      const offered = plan('l', Math.round(rate * seconds));
      const latencyFrom = (await taking.counts()).taken;
      const offer = await openLoopPhase(pipeline, offered, rate, () =>
        waitForDeliveries(taking, latencyFrom + offered.length, 'latency'),
      );
      const latencyChecked = check(offered, await taking.receipts(latencyFrom), subscriptionId);
      const latencies = offered
        .map((item, index) => {
          const receipt = latencyChecked.firstByEvent.get(item.event.id);
          const stored = offer.doneAt[index];
          return receipt === undefined ? Number.NaN : receipt.receivedAt - stored;
        })
        .filter((ms) => !Number.isNaN(ms))
        .sort((a, b) => a - b);
      const p99 = percentile(latencies, 99);
      const { problems } = running.output();

      console.log(
        `# Notifications pipeline benchmark (webhooks, end to end)\n\n${describeMachine()}\n`,
      );
      console.log(
        `The notifications service in its own process (dist/, defaults: ${SERVICE_CONCURRENCY} deliveries at once, ` +
          `${SERVICE_SOCKETS} sockets per origin, scheduler pages of 1,000, polls every 100 ms), ` +
          `SQLite files in a temp folder; one subscription (${EVENT_TYPES.join(', ')}) made over HTTP as an integrator; ` +
          `a receiver (startWebhookReceiver, verifying every signature, answering 204) in a process of its own. ` +
          `GoalSubmitted events (the registry's example, personal fields sealed per employee by the protected store) ` +
          `appended by this process into the same event store, one stream each, every fourth on a busy employee ` +
          `(about ten events each). ${formatCount(WARMUP)} events delivered before timing. Mean body ${formatCount(meanBytes)} bytes.\n`,
      );
      console.log('## Throughput\n');
      console.log(
        markdownTable(
          [
            { header: 'path' },
            { header: 'deliveries', align: 'right' },
            { header: 'time', align: 'right' },
            { header: 'deliveries/s', align: 'right' },
            { header: 'of limit', align: 'right' },
            { header: 'taken', align: 'right' },
            { header: 'distinct ids', align: 'right' },
            { header: 'duplicates', align: 'right' },
            { header: 'verified', align: 'right' },
            { header: 'subjects out of order', align: 'right' },
          ],
          [
            [
              'service: append → scheduler → worker → receiver',
              formatCount(events),
              formatSeconds(burstSeconds),
              formatRate(pipelineRate),
              formatRatio(pipelineRate / rawRate, true),
              formatCount(burstChecked.taken),
              formatCount(burstChecked.distinct),
              formatCount(burstChecked.duplicates),
              formatCount(burstChecked.verified),
              `${formatCount(burstChecked.outOfOrder)} of ${formatCount(burstChecked.busySubjects)}`,
            ],
            [
              'sender-only limit: raw http.request, pre-signed, keep-alive',
              formatCount(rawRun.latencies.length),
              formatSeconds(rawRun.seconds),
              formatRate(rawRate),
              '100%',
              formatCount(rawAfter.taken - rawBefore.taken),
              '',
              '',
              formatCount(rawAfter.verified - rawBefore.verified),
              '',
            ],
          ],
        ),
      );
      console.log(
        [
          '',
          describeAppends(events, burstRun, lastReceipt, 'delivery'),
          `CPU per delivery: ${cpuPer(burstRun.cpu, events, 'receiver')}. Raw path: ${SERVICE_CONCURRENCY} in flight, ` +
            `${formatCount(rawNon2xx)} non-2xx.`,
          `Webhook deliveries/s: ${formatRate(pipelineRate)}, ${formatRatio(pipelineRate / rawRate)} of the sender-only limit ` +
            `(${formatRate(rawRate)}/s); floor ${formatCount(THROUGHPUT_FLOOR)}/s: ${verdict(pipelineRate >= THROUGHPUT_FLOOR)}` +
            `${integrity(burstChecked) ? '' : ' (but deliveries are missing, doubled, unverified or out of order)'}.`,
        ].join('\n'),
      );
      console.log('\n## Latency (open loop)\n');
      console.log(
        latencyTable(offer, seconds, latencies, [
          { header: 'taken', align: 'right', cell: formatCount(latencyChecked.taken) },
          { header: 'distinct ids', align: 'right', cell: formatCount(latencyChecked.distinct) },
          { header: 'duplicates', align: 'right', cell: formatCount(latencyChecked.duplicates) },
          { header: 'verified', align: 'right', cell: formatCount(latencyChecked.verified) },
          {
            header: 'subjects out of order',
            align: 'right',
            cell: `${formatCount(latencyChecked.outOfOrder)} of ${formatCount(latencyChecked.busySubjects)}`,
          },
        ]),
      );
      console.log(
        [
          '',
          "Event → delivery: the receiver's receipt time minus the time the append was stored (one clock). " +
            '"Appends late": how far behind its schedule an append was stored (the offer held when small).',
          `CPU per delivery: ${cpuPer(offer.cpu, offered.length, 'receiver')}.`,
          `Event → delivery p99 ${p99.toFixed(0)} ms at ${formatRate(rate)} events/s; floor ≤ ${P99_FLOOR_MS} ms: ` +
            `${verdict(p99 <= P99_FLOOR_MS)}${integrity(latencyChecked) ? '' : ' (but deliveries are missing, doubled, unverified or out of order)'}.`,
          '',
          'E-mails: mail-transport.bench.ts and mail-pipeline.bench.ts (bench:notifications prints them next).',
          `Service output: ${formatCount(problems)} line(s) naming an error or a warning.`,
          load.describe(),
        ].join('\n'),
      );
      if (!integrity(burstChecked) || !integrity(latencyChecked)) process.exitCode = 1;
    },
  );
};

if (require.main === module)
  runPipelineBench().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
