/**
 * E-mail pipeline benchmark (issue 16): the notifications service as it runs, in its own
 * process from dist/ on a temp data folder, SMTP_URL pointing at an SMTP server in a process of
 * its own (smtp-receiver-process.ts: it reads each mail's Message-ID and counts it), and events
 * appended by this process into the same SQLite event store through the protected store the
 * services use (names, addresses and notes sealed per employee):
 * - BENCH_MAIL_PEOPLE (2,000) people synced first (EmployeeSynced: one manager per team of ten,
 *   Dutch and English), one assessment stream each;
 * - then GoalApproved events, one approval-request stream each, round robin over the people:
 *   each brings exactly one mail, to the employee (mail-rules.ts), Message-ID
 *   `<mail id>@talentloop`, the mail id derived from the tenant, the kind, the employee and the
 *   event (mailIdOf), so the bench knows which mails are to come.
 * The planner mails only about events stored after its first start (MAIL_SINCE): the service is
 * started and ready first; a probe event, repeated until its mail comes, shows that the planner
 * has begun and has read the people; then WARMUP mails are sent untimed.
 *
 * - Throughput: BENCH_MAILS (6,000) events appended as fast as the store takes them (windows
 *   of APPEND_WINDOW); e-mails/s from the first append to the last mail the server took,
 *   beside the transport alone in the same run (mail-transport.bench.ts, same concurrency and
 *   connections) when notifications.bench.ts passes it.
 * - Latency: BENCH_MAIL_RATE (200, the webhooks' rate) events/s offered for BENCH_MAIL_SECONDS
 *   (15), open loop; event → mail = the server's receipt time minus the time the append was stored.
 * Every Message-ID must arrive exactly once: a missing mail (nothing new for STALL_MS) or a
 * doubled one fails the bench, after its report.
 *
 * Run with `node -r @swc-node/register bench/notifications/mail-pipeline.bench.ts` (spawnService
 * builds dist/ first). BENCH_MAIL_CONCURRENCY sets the service's NOTIFICATIONS_MAIL_CONCURRENCY
 * (8); BENCH_PROFILE_DIR: CPU profiles of the service during each phase.
 */
import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName } from '@talentloop/contracts';
import { devAuth } from '../lib/dev-auth';
import { formatCount, formatRate, formatRatio, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { MachineLoad } from '../lib/machine-load';
import { percentile, positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';
import {
  benchPerson,
  goalApprovedMessageId,
  MAIL_TENANT,
  TEAM_SIZE,
  type BenchPerson,
} from './mail-fixtures';
import type { MailTransportFigures } from './mail-transport.bench';
import { latencyTable } from './open-loop';
import { burstPhase, cpuPer, openLoopPhase, waitForProgress, withPipeline } from './pipeline-run';
import {
  appendInWindows,
  appendPlanned,
  describeAppends,
  type PlannedAppend,
} from './planned-appends';
import { startSmtpReceiverProcess, type SmtpReceiverProcess } from './smtp-receiver-client';
import type { MailReceipt } from './smtp-receiver-process';

const peopleCount = positiveFromEnv('BENCH_MAIL_PEOPLE', 2_000);
const mails = positiveFromEnv('BENCH_MAILS', 6_000);
const rate = positiveFromEnv('BENCH_MAIL_RATE', 200);
const seconds = positiveFromEnv('BENCH_MAIL_SECONDS', 15);
const concurrency = positiveFromEnv('BENCH_MAIL_CONCURRENCY', 8);
/** Untimed mails first, sent before the phases start: the service's code warm. */
const WARMUP = 500;
/** How long a probe's mail is waited for before another probe is appended. */
const PROBE_WAIT_MS = 2_000;
const PROBES = 30;
/** A phase fails when the server takes nothing new for this long. */
const STALL_MS = 60_000;
/** After the last phase, how long doubled mails still have to show. */
const GRACE_MS = 1_000;
/** The issue's floor for event → delivery, shown beside the mails' figure. */
const P99_FLOOR_MS = 500;

const definitionOf = (name: 'EmployeeSynced' | 'GoalApproved') => {
  const definition = eventRegistry.current(name);
  if (definition === undefined) throw new Error(`${name} is not in the contracts registry`);
  return definition;
};
const synced = definitionOf('EmployeeSynced');
const approved = definitionOf('GoalApproved');

interface Planned extends PlannedAppend {
  /** The Message-ID its mail will have; '' for events that bring none. */
  readonly messageId: string;
}

const metadataOf = (actorId: string, schemaVersion: number) => ({
  tenantId: MAIL_TENANT,
  actorId,
  occurredAt: '',
  schemaVersion,
});

const syncOf = (person: BenchPerson, index: number): Planned => ({
  streamName: streamName({
    context: 'assessment',
    aggregate: 'employee',
    tenantId: MAIL_TENANT,
    id: person.employeeId,
  }),
  messageId: '',
  event: {
    id: randomUUID(),
    type: synced.name,
    data: {
      employeeId: person.employeeId,
      externalId: `HR-${index}`,
      displayName: person.displayName,
      email: person.email,
      roleId: person.managerId === null ? 'team-lead' : 'engineer',
      departmentId: `dept-${Math.floor(index / TEAM_SIZE)}`,
      departmentName: `Team ${Math.floor(index / TEAM_SIZE)}`,
      managerId: person.managerId,
      preferredLanguage: person.language,
      employmentStatus: 'active',
    },
    metadata: metadataOf('hris-sync', synced.version),
  },
});

/** `count` approvals for phase `phase`, round robin over the people; one mail each. */
const approvals = (people: readonly BenchPerson[], phase: string, count: number): Planned[] =>
  Array.from({ length: count }, (_, index) => {
    const person = people[index % people.length];
    const requestId = `apr-${phase}-${index}`;
    const id = randomUUID();
    return {
      streamName: streamName({
        context: 'approval',
        aggregate: 'approvalRequest',
        tenantId: MAIL_TENANT,
        id: requestId,
      }),
      messageId: goalApprovedMessageId(person.employeeId, id),
      event: {
        id,
        type: approved.name,
        data: {
          ...(approved.example as Record<string, unknown>),
          requestId,
          goalId: `goal-${phase}-${index}`,
          employeeId: person.employeeId,
          decidedBy: person.managerId ?? 'emp-mail-hr',
          decidedAs: person.managerId === null ? 'hr-delegate' : 'manager',
        },
        metadata: metadataOf(person.managerId ?? 'emp-mail-hr', approved.version),
      },
    };
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every mail the server took, read as it comes: each Message-ID's first receipt, how many came
 * again, and how many were of no planned event.
 */
class MailWatch {
  private next = 0;
  readonly first = new Map<string, MailReceipt>();
  private readonly expected = new Set<string>();
  duplicates = 0;
  strangers = 0;

  constructor(private readonly receiver: SmtpReceiverProcess) {}

  expect(planned: readonly Planned[]) {
    for (const { messageId } of planned) if (messageId) this.expected.add(messageId);
  }

  get taken() {
    return this.next;
  }

  async poll() {
    const receipts = await this.receiver.receipts(this.next);
    this.next += receipts.length;
    for (const receipt of receipts) {
      if (!this.expected.has(receipt.messageId)) this.strangers++;
      else if (this.first.has(receipt.messageId)) this.duplicates++;
      else this.first.set(receipt.messageId, receipt);
    }
  }

  /** Waits until every planned mail came, or fails when nothing new comes for `stallMs`. */
  waitFor(planned: readonly Planned[], label: string, stallMs = STALL_MS) {
    return waitForProgress(
      label,
      stallMs,
      async () => {
        await this.poll();
        const left = planned.filter(({ messageId }) => !this.first.has(messageId)).length;
        return {
          done: left === 0,
          taken: this.next,
          told: `${formatCount(planned.length - left)} of ${formatCount(planned.length)}`,
          left,
        };
      },
      ({ left }) =>
        `${formatCount(left)} of ${formatCount(planned.length)} mails never came ` +
        `(the SMTP server took nothing for ${stallMs / 1000} s; ${formatCount(this.next)} in all, ` +
        `${formatCount(this.duplicates)} doubled, ${formatCount(this.strangers)} of no planned event)`,
    );
  }

  /** Whether one planned event's mail came (probing: no failure when it does not). */
  async cameWithin(planned: Planned, ms: number) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      await this.poll();
      if (this.first.has(planned.messageId)) return true;
      await sleep(25);
    }
    return false;
  }
}

/**
 * The e-mail pipeline bench, its report printed; everything it started stopped, its folder
 * removed. `transport`: the transport alone, measured in the same run, to compare with.
 */
export const runMailPipelineBench = async (transport?: MailTransportFigures): Promise<void> => {
  const load = new MachineLoad();
  await withPipeline(
    {
      folderPrefix: 'talentloop-bench-mails-',
      startReceiver: startSmtpReceiverProcess,
      serviceEnv: (receiver) => ({
        ...devAuth().env,
        SMTP_URL: receiver.url,
        NOTIFICATIONS_MAIL_CONCURRENCY: String(concurrency),
      }),
    },
    async (pipeline) => {
      const { receiver: taking, service: running, store: opened } = pipeline;
      const watch = new MailWatch(taking);

      // The people, then probes until one is mailed: the planner has begun (MAIL_SINCE is set)
      // and has read every person (it reads the log in order).
      const people = Array.from({ length: peopleCount }, (_, index) => benchPerson(index));
      const peopleStart = Date.now();
      await appendInWindows(
        opened,
        people.map((person, index) => syncOf(person, index)),
      );
      const peopleAppended = Date.now();
      const probes: Planned[] = [];
      for (;;) {
        const [probe] = approvals(people, `p${probes.length}`, 1);
        watch.expect([probe]);
        await appendPlanned(opened, probe);
        probes.push(probe);
        if (await watch.cameWithin(probe, PROBE_WAIT_MS)) break;
        if (probes.length >= PROBES)
          throw new Error(
            `none of ${PROBES} probe events was mailed: is the mail planner running?`,
          );
      }
      const peopleRead = Date.now();

      // Warm-up.
      const warm = approvals(people, 'w', WARMUP);
      watch.expect(warm);
      await appendInWindows(opened, warm);
      await watch.waitFor(warm, 'warm-up');

      // Throughput.
      const burst = approvals(people, 't', mails);
      watch.expect(burst);
      const burstRun = await burstPhase(pipeline, burst, () => watch.waitFor(burst, 'throughput'));
      const burstReceipts = burst.map(({ messageId }) => watch.first.get(messageId)!);
      const lastMail = Math.max(...burstReceipts.map(({ receivedAt }) => receivedAt));
      const burstSeconds = (lastMail - burstRun.startMs) / 1000;
      const pipelineRate = mails / burstSeconds;
      const meanBytes = Math.round(
        burstReceipts.reduce((sum, { bytes }) => sum + bytes, 0) / burstReceipts.length,
      );

      // Latency: open loop.
      const offered = approvals(people, 'l', Math.round(rate * seconds));
      watch.expect(offered);
      const offer = await openLoopPhase(pipeline, offered, rate, () =>
        watch.waitFor(offered, 'latency'),
      );
      const latencies = offered
        .map(({ messageId }, index) => watch.first.get(messageId)!.receivedAt - offer.doneAt[index])
        .sort((a, b) => a - b);
      const p99 = percentile(latencies, 99);

      // A mail sent twice would come after its first: a last look once the phases are over.
      await sleep(GRACE_MS);
      await watch.poll();
      // A probe appended before the planner's first start is not mailed, rightly.
      const probesMailed = probes.filter(({ messageId }) => watch.first.has(messageId)).length;
      const planned = probesMailed + WARMUP + mails + offered.length;
      const { connections, rssMiB } = await taking.counts();
      const once = watch.duplicates === 0 && watch.strangers === 0;
      const { problems } = running.output();

      console.log(`# E-mail pipeline benchmark (end to end)\n\n${describeMachine()}\n`);
      console.log(
        `The notifications service in its own process (dist/, SMTP_URL to an SMTP server in a process of its own ` +
          `(smtp-server, no TLS, no login, reading each mail's Message-ID), defaults otherwise: ${concurrency} mails at once, ` +
          `${Math.min(concurrency, 8)} pooled SMTP connections, planner pages of 1,000, polls every 100 ms), SQLite files in a ` +
          `temp folder. ${formatCount(peopleCount)} people synced first (EmployeeSynced, one manager per team of ` +
          `${TEAM_SIZE}, Dutch and English; appended in ${formatSeconds((peopleAppended - peopleStart) / 1000)}, ` +
          `read by the planner and the first probe mailed ${formatSeconds((peopleRead - peopleAppended) / 1000)} later, ` +
          `${probes.length} probe(s)); then GoalApproved events (the registry's example, note sealed per employee by the ` +
          `protected store), one approval-request stream each, round robin over the people: one mail each, to the ` +
          `employee, in their language. ${formatCount(WARMUP)} mails sent before timing. Mean mail ` +
          `${formatCount(meanBytes)} bytes as sent.\n`,
      );
      console.log('## Throughput\n');
      const limitRows = transport
        ? [
            [
              `transport alone: createMailTransport, SMTP pooled (${transport.connections} connections, ${transport.concurrency} in flight)`,
              '',
              '',
              formatRate(transport.smtpPerSecond),
              '100%',
            ],
          ]
        : [];
      console.log(
        markdownTable(
          [
            { header: 'path' },
            { header: 'mails', align: 'right' },
            { header: 'time', align: 'right' },
            { header: 'e-mails/s', align: 'right' },
            { header: 'of limit', align: 'right' },
          ],
          [
            [
              'service: append → planner → worker → SMTP server',
              formatCount(mails),
              formatSeconds(burstSeconds),
              formatRate(pipelineRate),
              transport ? formatRatio(pipelineRate / transport.smtpPerSecond, true) : 'n/a',
            ],
            ...limitRows,
          ],
        ),
      );
      console.log(
        [
          '',
          describeAppends(mails, burstRun, lastMail, 'mail'),
          `CPU per mail: ${cpuPer(burstRun.cpu, mails, 'SMTP server')}.`,
          `E-mails/s to the local SMTP server: ${formatRate(pipelineRate)}` +
            (transport
              ? `, ${formatRatio(pipelineRate / transport.smtpPerSecond)} of the transport alone (${formatRate(transport.smtpPerSecond)}/s).`
              : '.'),
        ].join('\n'),
      );
      console.log('\n## Latency (open loop)\n');
      console.log(
        latencyTable(offer, seconds, latencies, [
          { header: 'mails', align: 'right', cell: formatCount(offered.length) },
        ]),
      );
      console.log(
        [
          '',
          "Event → mail: the SMTP server's receipt time (end of DATA) minus the time the append was stored (one clock).",
          `CPU per mail: ${cpuPer(offer.cpu, offered.length, 'SMTP server')}.`,
          `Event → mail p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms at ${formatRate(rate)} events/s ` +
            `(the webhooks' floor, p99 ≤ ${P99_FLOOR_MS} ms: ${p99 <= P99_FLOOR_MS ? 'met' : 'not met'}).`,
          '',
          `Each Message-ID once: ${once ? 'yes' : 'NO'}: ${formatCount(planned)} mails planned, ` +
            `${formatCount(watch.first.size)} came, ${formatCount(watch.duplicates)} came again, ` +
            `${formatCount(watch.strangers)} of no planned event (checked again ${GRACE_MS / 1000} s after the last).`,
          `SMTP server: ${formatCount(watch.taken)} mails over ${formatCount(connections)} connection(s); its RSS ${formatCount(rssMiB)} MiB.`,
          `Service output: ${formatCount(problems)} line(s) naming an error or a warning.`,
          load.describe(),
        ].join('\n'),
      );
      if (!once)
        throw new Error(
          `mails came twice (${watch.duplicates}) or of no planned event (${watch.strangers})`,
        );
    },
  );
};

if (require.main === module)
  runMailPipelineBench().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
