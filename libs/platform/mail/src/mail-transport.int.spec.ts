import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import {
  parseIcs,
  startSmtpReceiver,
  useTemporaryFolder,
  type SmtpReceiver,
} from '@talentloop/testing';
import { listMailbox } from './mailbox-listing';
import { createMailTransport, type MailTransport, type OutgoingMail } from './mail-transport';

/** The value of a header as it stood in the message, unfolded. */
const headerLine = (parsed: ParsedMail, name: string): string | undefined =>
  parsed.headerLines
    .find(({ key }) => key === name.toLowerCase())
    ?.line.slice(name.length + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();

/** The message with its MIME boundaries (random per message) replaced by one constant. */
const withoutBoundaries = (raw: string): string => {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map(
    ([, boundary]) => boundary,
  );
  return boundaries.reduce((text, boundary) => text.split(boundary).join('BOUNDARY'), raw);
};

const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
};

describe('the SMTP transport, against a real SMTP server', () => {
  let receiver: SmtpReceiver;
  let transport: MailTransport;

  beforeEach(async () => {
    receiver = await startSmtpReceiver();
    transport = createMailTransport({ smtpUrl: receiver.url, mailboxDir: '/nonexistent' });
  });
  afterEach(async () => {
    await transport.close();
    await receiver.close();
  });

  it('sends the headers, the UTF-8 subject and names, and a text and an html part', async () => {
    const outcome = await transport.send(approvalMail);

    expect(outcome).toEqual({ kind: 'sent', response: expect.stringMatching(/^250 /) });
    const [{ parsed, envelope }] = await receiver.waitFor(1);
    expect(envelope).toEqual({ from: 'noreply@talentloop.test', to: ['renee.jansen@example.com'] });
    expect(parsed.messageId).toBe('<mail_ab12cd34@talentloop>');
    expect(parsed.date).toEqual(now);
    expect(parsed.subject).toBe(approvalMail.subject);
    expect(parsed.from?.value).toEqual([
      { name: 'Talentloop', address: 'noreply@talentloop.test' },
    ]);
    expect(parsed.to).toMatchObject({
      value: [{ name: 'Renée Jansen-Ëlberg', address: 'renee.jansen@example.com' }],
    });
    expect(headerLine(parsed, 'Content-Language')).toBe('nl');
    expect(headerLine(parsed, 'List-Unsubscribe')).toBe(unsubscribe);
    expect(headerLine(parsed, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(parsed.text?.trim()).toBe(approvalMail.text);
    expect(parsed.html).toBe(approvalMail.html);
    expect(transport.description).toBe(receiver.url);
  });

  it('sends an invite as a text/calendar REQUEST alternative and attachment that ical.js reads', async () => {
    await transport.send(checkInMail);

    const [{ raw, parsed }] = await receiver.waitFor(1);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    const alternative = parsed.attachments.find(
      ({ contentType }) => contentType === 'text/calendar',
    );
    const attachment = parsed.attachments.find(({ filename }) => filename === 'check-in.ics');
    expect(attachment?.contentType).toBe('application/ics');
    expect(attachment?.content.toString('utf8')).toBe(invite);
    expect(parseIcs(alternative!.content.toString('utf8'))).toEqual({
      method: 'REQUEST',
      summary: 'Check-in: presenteren voor het team',
      description: 'Bespreek de voortgang van je doel.',
      start: new Date('2026-03-09T09:00:00Z'),
      end: new Date('2026-03-09T09:30:00Z'),
      uid: 'checkin-goal-1-20260309@talentloop',
      sequence: 0,
      organizer: 'noreply@talentloop.test',
      attendees: ['renee.jansen@example.com'],
    });
  });

  it('reports a 4xx answer as transient and a 5xx as permanent, naming no recipient', async () => {
    receiver.failNext(451, '4.3.0 Renée Jansen-Ëlberg <renee.jansen@example.com>: try again later');
    receiver.failNext(550, '5.1.1 <renee.jansen@example.com>: Recipient address rejected');

    const later = await transport.send(approvalMail);
    const never = await transport.send(approvalMail);

    expect(later).toEqual({
      kind: 'failed',
      permanent: false,
      reason: 'EMESSAGE after DATA: 451 4.3.0 redacted <redacted>: try again later',
    });
    expect(never).toEqual({
      kind: 'failed',
      permanent: true,
      reason: 'EMESSAGE after DATA: 550 5.1.1 <redacted>: Recipient address rejected',
    });
    expect(receiver.messages).toHaveLength(0);
  });

  it('reports a refused connection as transient', async () => {
    const nobody = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      mailboxDir: '/nonexistent',
    });
    try {
      const outcome = await nobody.send(approvalMail);

      expect(outcome).toEqual({
        kind: 'failed',
        permanent: false,
        reason: expect.stringContaining('ECONNREFUSED'),
      });
      expect(JSON.stringify(outcome)).not.toMatch(/renee|Renée/i);
    } finally {
      await nobody.close();
    }
  });

  it('sends many mails at once over its pool', async () => {
    const mails = Array.from({ length: 50 }, (_, n) => ({
      ...approvalMail,
      messageId: `mail_${n}@talentloop`,
    }));

    const outcomes = await Promise.all(mails.map((mail) => transport.send(mail)));

    expect(outcomes.filter(({ kind }) => kind === 'sent')).toHaveLength(50);
    expect(new Set(receiver.messages.map(({ parsed }) => parsed.messageId)).size).toBe(50);
  });
});

describe('the mailbox transport', () => {
  const folder = useTemporaryFolder('mailbox');
  const mailbox = () => join(folder(), 'mailbox');

  it('writes the message SMTP sends, as <date-time>-<message id>.eml in a folder it creates', async () => {
    const receiver = await startSmtpReceiver();
    const smtp = createMailTransport({ smtpUrl: receiver.url, mailboxDir: mailbox() });
    const transport = createMailTransport({ mailboxDir: mailbox() });
    try {
      await smtp.send(checkInMail);
      const outcome = await transport.send(checkInMail);

      const file = '20260302T093000000Z-mail_ef56gh78@talentloop.eml';
      expect(outcome).toEqual({ kind: 'sent', response: `written to the mailbox as ${file}` });
      expect(await readdir(mailbox())).toEqual([file]);
      const written = await readFile(join(mailbox(), file), 'utf8');
      const [sent] = await receiver.waitFor(1);
      expect(withoutBoundaries(written)).toBe(withoutBoundaries(sent.raw));
      const parsed = await simpleParser(written);
      expect(parsed.messageId).toBe('<mail_ef56gh78@talentloop>');
      expect(parsed.subject).toBe(checkInMail.subject);
      expect(headerLine(parsed, 'Content-Language')).toBe('en');
      expect(headerLine(parsed, 'List-Unsubscribe')).toBe(unsubscribe);
      expect(transport.description).toBe(`mailbox ${mailbox()}`);
    } finally {
      await smtp.close();
      await receiver.close();
    }
  });

  it('writes a message id once: sending it again, at once, later or from a new transport, is a no-op', async () => {
    const transport = createMailTransport({ mailboxDir: mailbox() });
    const later = { ...approvalMail, date: new Date(now.getTime() + 60_000) };

    const outcomes = [
      ...(await Promise.all([transport.send(approvalMail), transport.send(approvalMail)])),
      await transport.send(later),
      await createMailTransport({ mailboxDir: mailbox() }).send(later),
    ];

    expect(outcomes.map(({ kind }) => kind)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await readdir(mailbox())).toEqual(['20260302T093000000Z-mail_ab12cd34@talentloop.eml']);
  });

  it('escapes a message id into a file name that no other id gets', async () => {
    const transport = createMailTransport({ mailboxDir: mailbox() });

    await transport.send({ ...approvalMail, messageId: 'a/b@talentloop' });
    await transport.send({ ...approvalMail, messageId: 'a%2Fb@talentloop' });

    expect((await readdir(mailbox())).sort()).toEqual([
      '20260302T093000000Z-a%252Fb@talentloop.eml',
      '20260302T093000000Z-a%2Fb@talentloop.eml',
    ]);
  });

  it('refuses a message id that cannot stand in a Message-ID header, for good', async () => {
    const transport = createMailTransport({ mailboxDir: mailbox() });

    const outcome = await transport.send({ ...approvalMail, messageId: '<two words>' });

    expect(outcome).toMatchObject({ kind: 'failed', permanent: true });
  });

  it('listMailbox reads the mails oldest first, as mailparser reads their headers', async () => {
    const transport = createMailTransport({ mailboxDir: mailbox() });
    await transport.send({ ...checkInMail, date: new Date('2026-03-03T08:00:00Z') });
    await transport.send(approvalMail);

    const entries = await listMailbox(mailbox());

    expect(entries.map(({ subject }) => subject)).toEqual([
      approvalMail.subject,
      checkInMail.subject,
    ]);
    for (const entry of entries) {
      const parsed = await simpleParser(await readFile(join(mailbox(), entry.file)));
      expect(entry).toEqual({
        file: expect.stringMatching(/\.eml$/),
        date: parsed.date?.toISOString(),
        to: [parsed.to]
          .flat()
          .flatMap((to) => to?.value ?? [])
          .map(({ name, address }) => `${name} <${address}>`)
          .join(', '),
        subject: parsed.subject,
      });
    }
    expect(entries[0].to).toBe('Renée Jansen-Ëlberg <renee.jansen@example.com>');
    expect(await listMailbox(join(folder(), 'none yet'))).toEqual([]);
  });
});

const now = new Date('2026-03-02T09:30:00.000Z');
const unsubscribe =
  '<https://talentloop.test/unsubscribe/tok_1>, <mailto:unsubscribe@talentloop.test?subject=tok_1>';

const approvalMail: OutgoingMail = {
  messageId: 'mail_ab12cd34@talentloop',
  from: { name: 'Talentloop', address: 'noreply@talentloop.test' },
  to: { name: 'Renée Jansen-Ëlberg', address: 'renee.jansen@example.com' },
  subject: 'Je doel is goedgekeurd: één stap verder, Renée',
  text: 'Hallo Renée,\n\nJe manager keurde je doel goed.',
  html: '<p>Hallo Renée,</p><p>Je manager keurde je doel goed.</p>',
  language: 'nl',
  headers: {
    'List-Unsubscribe': unsubscribe,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  date: now,
};

const invite = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Talentloop//Check-ins//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:checkin-goal-1-20260309@talentloop',
  'SEQUENCE:0',
  'DTSTAMP:20260302T093000Z',
  'DTSTART:20260309T090000Z',
  'DTEND:20260309T093000Z',
  'SUMMARY:Check-in: presenteren voor het team',
  'DESCRIPTION:Bespreek de voortgang van je doel.',
  'ORGANIZER;CN=Talentloop:mailto:noreply@talentloop.test',
  'ATTENDEE;CN="Renée Jansen-Ëlberg";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:renee.jansen@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const checkInMail: OutgoingMail = {
  ...approvalMail,
  messageId: 'mail_ef56gh78@talentloop',
  subject: 'Your check-in is due: presenteren voor het team',
  text: 'Hello Renée,\n\nYour check-in is due on 9 March.',
  html: '<p>Hello Renée,</p><p>Your check-in is due on 9 March.</p>',
  language: 'en',
  calendar: { filename: 'check-in.ics', method: 'REQUEST', content: invite },
};
