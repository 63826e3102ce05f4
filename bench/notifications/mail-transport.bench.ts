/**
 * E-mail transport benchmark (issue 16): mails/s through `createMailTransport` alone, with
 * `measureMailThroughput` (libs/platform/mail), on both of its paths:
 * - SMTP, pooled, to an SMTP server in a process of its own (smtp-receiver-process.ts: it reads
 *   each mail's Message-ID and counts it, so its work does not eat the sending side's CPU);
 * - the mailbox folder: one .eml file per mail, in a temp folder.
 * The mails are what the service writes when a goal is approved (mail-fixtures.ts), composed
 * before timing: the transport builds the MIME message and sends or writes it, nothing more.
 * Concurrency and pooled connections are the service's (NOTIFICATIONS_MAIL_CONCURRENCY, 8; the
 * worker's pool takes min(concurrency, 8) connections), so the SMTP figure is the limit the
 * pipeline (mail-pipeline.bench.ts) is compared with.
 * Run with `node -r @swc-node/register bench/notifications/mail-transport.bench.ts`.
 * BENCH_MAIL_TRANSPORT_MAILS (default 5,000) per path and round, BENCH_MAIL_ROUNDS (default 2)
 * alternating rounds of both paths, the best of each reported; BENCH_MAIL_CONCURRENCY (8).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMailTransport,
  measureMailThroughput,
  type MailThroughput,
  type MailTransport,
  type OutgoingMail,
} from '@talentloop/mail';
import { formatCount, formatRate, formatRatio, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { MachineLoad } from '../lib/machine-load';
import { positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';
import { cpuSeconds } from '../system/memory';
import { benchPerson, goalApprovedMail } from './mail-fixtures';
import { startSmtpReceiverProcess } from './smtp-receiver-client';

const mailsPerRound = positiveFromEnv('BENCH_MAIL_TRANSPORT_MAILS', 5_000);
const rounds = positiveFromEnv('BENCH_MAIL_ROUNDS', 2);
const concurrency = positiveFromEnv('BENCH_MAIL_CONCURRENCY', 8);
/** The mail worker's pool: min(NOTIFICATIONS_MAIL_CONCURRENCY, 8) connections. */
const connections = Math.min(concurrency, 8);
/** Untimed mails per path first: both paths' code warm, the pool's connections open. */
const WARMUP = 500;
/** People the mails go to, round robin. */
const PEOPLE = 1_000;

/** The figures the pipeline bench compares with. */
export interface MailTransportFigures {
  /** Best SMTP mails/s, at the service's concurrency and connections. */
  readonly smtpPerSecond: number;
  readonly mailboxPerSecond: number;
  readonly concurrency: number;
  readonly connections: number;
}

const people = Array.from({ length: PEOPLE }, (_, index) => benchPerson(index));

/** `count` goal-approved mails, each with a Message-ID of its own. */
const mailsFor = (count: number): OutgoingMail[] =>
  Array.from({ length: count }, (_, index) =>
    goalApprovedMail(people[index % PEOPLE], randomUUID(), `goal-t-${index}`),
  );

interface Phase {
  readonly path: 'SMTP' | 'mailbox';
  readonly round: number;
  readonly run: MailThroughput;
  /** This process's (the sending side's) CPU µs per mail. */
  readonly senderMicros: number;
  /** The SMTP receiver's CPU µs per mail (SMTP only). */
  readonly receiverMicros?: number;
  /** Mails of this phase that arrived (SMTP: at the server; mailbox: as files). */
  readonly arrived: number;
  readonly distinct: number;
}

const cpuMicrosOf = (since: NodeJS.CpuUsage, mails: number) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / mails;
};

/** The Message-IDs written to a mailbox folder, from the file names (`<time>-<id>.eml`). */
const mailboxIds = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
    .map((name) => name.slice(name.indexOf('-') + 1, -'.eml'.length));

/** The transport bench, its report printed; its receiver stopped, its folder removed. */
export const runMailTransportBench = async (): Promise<MailTransportFigures> => {
  const load = new MachineLoad();
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-bench-mailbox-'));
  const mailbox = join(folder, 'mailbox');
  const receiver = await startSmtpReceiverProcess();
  const smtp: MailTransport = createMailTransport({
    smtpUrl: receiver.url,
    mailboxDir: mailbox,
    maxConnections: connections,
  });
  const files: MailTransport = createMailTransport({ mailboxDir: mailbox });
  try {
    const send = (transport: MailTransport, mails: readonly OutgoingMail[]) =>
      measureMailThroughput({
        transport,
        count: mails.length,
        concurrency,
        makeMail: (index) => mails[index],
      });
    const warm = mailsFor(WARMUP);
    await send(smtp, warm);
    await send(files, warm);
    const phases: Phase[] = [];
    for (let round = 1; round <= rounds; round++) {
      {
        const mails = mailsFor(mailsPerRound);
        const from = (await receiver.counts()).taken;
        const receiverCpu = cpuSeconds(receiver.pid);
        const cpu = process.cpuUsage();
        const run = await send(smtp, mails);
        const senderMicros = cpuMicrosOf(cpu, mails.length);
        const receipts = await receiver.receipts(from);
        const receiverMicros = ((cpuSeconds(receiver.pid) - receiverCpu) * 1e6) / mails.length;
        const expected = new Set(mails.map(({ messageId }) => messageId));
        const taken = receipts.filter(({ messageId }) => expected.has(messageId));
        phases.push({
          path: 'SMTP',
          round,
          run,
          senderMicros,
          receiverMicros,
          arrived: taken.length,
          distinct: new Set(taken.map(({ messageId }) => messageId)).size,
        });
      }
      {
        const mails = mailsFor(mailsPerRound);
        const cpu = process.cpuUsage();
        const run = await send(files, mails);
        const senderMicros = cpuMicrosOf(cpu, mails.length);
        const expected = new Set(mails.map(({ messageId }) => messageId));
        const written = mailboxIds(mailbox).filter((id) => expected.has(id));
        phases.push({
          path: 'mailbox',
          round,
          run,
          senderMicros,
          arrived: written.length,
          distinct: new Set(written).size,
        });
      }
    }
    const counts = await receiver.counts();
    const meanBytes = Math.round(
      (await receiver.receipts(0)).reduce((sum, { bytes }) => sum + bytes, 0) / counts.taken,
    );
    const best = (path: Phase['path']) =>
      Math.max(...phases.filter((phase) => phase.path === path).map(({ run }) => run.perSecond));
    const smtpPerSecond = best('SMTP');
    const mailboxPerSecond = best('mailbox');
    const complete = phases.every(
      ({ run, arrived, distinct }) => arrived === run.mails && distinct === run.mails,
    );

    console.log(`# E-mail transport benchmark\n\n${describeMachine()}\n`);
    console.log(
      `createMailTransport through measureMailThroughput: ${formatCount(mailsPerRound)} mails per path and round, ` +
        `${concurrency} in flight (the service's NOTIFICATIONS_MAIL_CONCURRENCY); ${rounds} alternating round(s) after ` +
        `${formatCount(WARMUP)} untimed mails per path. The mails: goal-approved, composed as the service does ` +
        `(composeMail, text and html, UTF-8 names, List-Unsubscribe), Dutch and English, before timing; ` +
        `mean ${formatCount(meanBytes)} bytes as sent. SMTP: pooled, ${connections} connections (the worker's pool), ` +
        `to an SMTP server (smtp-server, no TLS, no login, reading each mail's Message-ID, no mailparser) in a process ` +
        `of its own. Mailbox: one .eml file per mail in a temp folder (${tmpdir()}). ` +
        `Sender CPU: this process's user + system time.\n`,
    );
    console.log(
      markdownTable(
        [
          { header: 'path' },
          { header: 'round', align: 'right' },
          { header: 'mails', align: 'right' },
          { header: 'time', align: 'right' },
          { header: 'mails/s', align: 'right' },
          { header: 'sender CPU µs each', align: 'right' },
          { header: 'receiver CPU µs each', align: 'right' },
          { header: 'arrived', align: 'right' },
          { header: 'distinct Message-IDs', align: 'right' },
        ],
        phases.map((phase) => [
          phase.path === 'SMTP'
            ? `SMTP, pooled (${connections} connections)`
            : 'mailbox folder (.eml files)',
          String(phase.round),
          formatCount(phase.run.mails),
          formatSeconds(phase.run.seconds),
          formatRate(phase.run.perSecond),
          phase.senderMicros.toFixed(0),
          phase.receiverMicros === undefined ? '' : phase.receiverMicros.toFixed(0),
          formatCount(phase.arrived),
          formatCount(phase.distinct),
        ]),
      ),
    );
    console.log(
      [
        '',
        `E-mails/s through the transport: SMTP best ${formatRate(smtpPerSecond)}/s, mailbox folder best ` +
          `${formatRate(mailboxPerSecond)}/s (${formatRatio(mailboxPerSecond / smtpPerSecond)} of SMTP)` +
          `${complete ? '; every mail arrived once' : ' (but mails are missing or doubled)'}.`,
        `SMTP server: ${formatCount(counts.taken)} mails in all over ${formatCount(counts.connections)} connection(s); ` +
          `its RSS ${formatCount(counts.rssMiB)} MiB at the end.`,
        load.describe(),
      ].join('\n'),
    );
    if (!complete) throw new Error('the transport bench lost or doubled mails: see the table');
    return { smtpPerSecond, mailboxPerSecond, concurrency, connections };
  } finally {
    await smtp.close();
    await files.close();
    await receiver.stop();
    rmSync(folder, { recursive: true, force: true });
  }
};

if (require.main === module)
  runMailTransportBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
