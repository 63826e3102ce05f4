import { dirname, join, resolve } from 'node:path';
import { listMailbox, type MailboxEntry } from '@talentloop/mail';
import { dataDirOf } from '../../service-process';
import { poll } from '../http';
import { bold, dim, line, step, waited, yellow } from '../print';
import { tenantId } from '../run';

const root = resolve(__dirname, '..', '..', '..');

/**
 * Where notifications writes the e-mails on the embedded default, as `npm start` sets it up:
 * NOTIFICATIONS_MAILBOX_DIR, else `mailbox/` beside the event store (in the data folder).
 */
export const mailboxFolder = (env: NodeJS.ProcessEnv = process.env): string =>
  resolve(
    root,
    env.NOTIFICATIONS_MAILBOX_DIR ||
      join(
        dirname(env.EVENT_STORE_SQLITE_PATH || join(dataDirOf(env), 'talentloop.sqlite')),
        'mailbox',
      ),
  );

/** The events that each bring one e-mail in the demo's organisation (one manager, no HR contacts). */
const mailedAbout = [
  'ApprovalRequested',
  'AdjustmentApprovalRequested',
  'GoalApproved',
  'GoalRejected',
];

/** `smtp://host:port` of SMTP_URL, without credentials or options. */
const serverOf = (smtpUrl: string) => {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the SMTP server';
  }
};

const timeOf = (entry: MailboxEntry) => (entry.date === '' ? '?' : entry.date.slice(11, 19));

/**
 * The e-mails the run caused (notifications sends them while the cycle goes on): on the
 * embedded default the run's files in the mailbox folder, as a table of time, recipient and
 * subject; with SMTP_URL set they went to that server instead. `replayedTypes` (the tenant's
 * events by type) says how many to wait for. Missing mails are reported, not a failure: the
 * folder is only this machine's when the services run here.
 */
export const mailsSent = async (replayedTypes: Readonly<Record<string, number>>) => {
  step('E-mails to the people in the cycle (notifications)');
  const expected = mailedAbout.reduce((sum, type) => sum + (replayedTypes[type] ?? 0), 0);
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    line(
      `SMTP_URL is set: the run's ${expected} e-mails went to ${serverOf(smtpUrl)}, not to the mailbox folder`,
    );
    return { expected, listed: 0, folder: undefined };
  }
  const folder = mailboxFolder();
  // This run's: the demo's addresses are <id>@<tenant>.example.com.
  const ours = async () =>
    (await listMailbox(folder)).filter((entry) => entry.to.includes(`@${tenantId}.example.com>`));
  let entries: MailboxEntry[];
  try {
    const { value, ms } = await poll(`${expected} e-mails in ${folder}`, async () => {
      const found = await ours();
      return found.length >= expected ? found : undefined;
    });
    waited(`the run's e-mails in the mailbox`, ms);
    entries = value;
  } catch {
    entries = await ours();
    line(
      yellow(
        `only ${entries.length} of the ${expected} e-mails are in the folder: is notifications running on this machine, with this data folder?`,
      ),
    );
  }
  const toWidth = Math.max(2, ...entries.map((entry) => entry.to.length));
  line(dim(`${'time (UTC)'.padEnd(10)}  ${'to'.padEnd(toWidth)}  subject`));
  for (const entry of entries)
    line(`${timeOf(entry).padEnd(10)}  ${entry.to.padEnd(toWidth)}  ${entry.subject}`);
  line(
    `${bold(String(entries.length))} e-mails of this run in ${folder} ${dim('(.eml files: open one with any mail client)')}`,
  );
  return { expected, listed: entries.length, folder };
};
