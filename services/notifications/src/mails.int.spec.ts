import { ERASED, publishedStreamPrefixesOf, topicFor } from '@talentloop/contracts';
import type { MessageBus } from '@talentloop/messaging';
import { type ProtectedEventStore } from '@talentloop/privacy';
import type { ReadModelStore } from '@talentloop/read-models';
import { MESSAGE_BUS, READ_MODEL_STORE } from '@talentloop/service-kit';
import {
  parseIcs,
  readEventually,
  startSmtpReceiver,
  type ReceivedMail,
  type SmtpReceiver,
} from '@talentloop/testing';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { MAILS, type MailDocument } from './mails/mail.documents';
import { NotificationsTestApp, type Caller } from '../testing/notifications-test-app';

/**
 * E-mails to people on the embedded default: the service on real SQLite files, a real SMTP
 * server in this process (smtp-server) receiving every mail, parsed with mailparser, the
 * invites with ical.js. The test clock is moved by hand to make reminders and digests due.
 */

const START = '2026-06-30T12:00:00.000Z';
const employee = { employeeId: 'emp-1001', email: 'sanne@example.com', name: 'Sanne de Vries' };
const manager = { employeeId: 'emp-0007', email: 'pieter@example.com', name: 'Pieter Jansen' };
const hr = { employeeId: 'emp-0002', email: 'hr.anna@example.com', name: 'Anna Smit' };

const admin: Caller = { userId: 'admin-1', roles: 'admin' };
const asEmployee: Caller = { userId: employee.employeeId, roles: 'employee' };

/** A header as sent (unfolded), from the raw message: mailparser restructures the List-* ones. */
const header = (mail: ReceivedMail, name: string): string => {
  const head = mail.raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? '' : line.slice(name.length + 1).trim();
};

describe('e-mails to people', () => {
  let app: NotificationsTestApp;
  let smtp: SmtpReceiver;

  const start = async (env: NodeJS.ProcessEnv = {}, folder?: string) =>
    NotificationsTestApp.start(
      {
        SMTP_URL: smtp.url,
        NOTIFICATIONS_REMINDER_EVERY_MS: '20',
        NOTIFICATIONS_RETRY_BASE_MS: '1000',
        NOTIFICATIONS_PUBLIC_URL: 'http://notifications.test',
        ...env,
      },
      START,
      folder,
    );

  beforeEach(async () => {
    smtp = await startSmtpReceiver();
    app = await start();
  });

  afterEach(async () => {
    await app?.stop();
    await smtp?.close();
  });

  const sync = (
    person: { employeeId: string; email: string; name: string },
    extra: Record<string, unknown> = {},
  ) =>
    app.record('EmployeeSynced', {
      employeeId: person.employeeId,
      email: person.email,
      displayName: person.name,
      ...extra,
    });

  const people = async () => {
    await sync(manager, { managerId: null, preferredLanguage: 'nl' });
    await sync(employee, { managerId: manager.employeeId, preferredLanguage: 'en' });
    await sync(hr, { managerId: null, preferredLanguage: 'en' });
  };

  const mailsIn = async (): Promise<MailDocument[]> =>
    app.app.get<ReadModelStore>(READ_MODEL_STORE).find<MailDocument>(MAILS, {});

  /** The service's delivery events in its store: what became of each mail. */
  const outcomes = async (instance: NotificationsTestApp = app) =>
    (
      await instance.store.readAll({
        filter: { streamPrefixes: publishedStreamPrefixesOf('notifications') },
      })
    ).map(({ type, data }) => ({ type, data: data as Record<string, unknown> }));

  /** What the relay published on the notifications topic: type (ce_type) and data. */
  const published = async () =>
    (
      await app.app
        .get<MessageBus>(MESSAGE_BUS)
        .readTopic(topicFor('notifications'), { limit: 10_000 })
    ).map(({ headers, value }) => ({
      type: headers['ce_type'],
      data: JSON.parse(value) as Record<string, unknown>,
    }));

  it("tells the manager of a submission in the manager's language, with one-click unsubscribe", async () => {
    await people();
    await app.record('ApprovalRequested', {
      employeeId: employee.employeeId,
      managerId: manager.employeeId,
      addressedTo: 'manager',
    });

    const [mail] = await smtp.waitFor(1);
    expect(mail.envelope.to).toEqual([manager.email]);
    expect(mail.parsed.subject).toContain(employee.name);
    expect(header(mail, 'content-language')).toBe('nl');
    expect(header(mail, 'message-id')).toMatch(/^<mail_[0-9a-f]{32}@talentloop>$/);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'list-unsubscribe')).toMatch(
      /^<http:\/\/notifications\.test\/unsubscribe\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/,
    );
    // Dutch, the manager's language; the link goes to the request.
    expect(mail.parsed.text).toMatch(/Pieter/);
    expect(mail.parsed.text).toMatch(/goedkeur/i);
    expect(mail.parsed.html).toContain(employee.name);
  });

  it('quotes the feedback of a rejection to the employee, in English', async () => {
    await people();
    await app.record('GoalRejected', {
      employeeId: employee.employeeId,
      feedback: 'Name the meetings where you will practise, & make the target 60.',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelope.to).toEqual([employee.email]);
    expect(header(mail, 'content-language')).toBe('en');
    expect(mail.parsed.text).toContain(
      'Name the meetings where you will practise, & make the target 60.',
    );
    expect(mail.parsed.html).toContain('&amp; make the target 60.');
    // Nothing personal rests in the mail log: the feedback stays sealed there.
    const [logged] = await mailsIn();
    expect(logged.facts.feedback).toMatch(/^enc:v2:/);
    expect(JSON.stringify(logged)).not.toContain('@example.com');
  });

  it('reminds employee and manager of a check-in with an iCalendar invite, then of it being overdue', async () => {
    await people();
    const dueAt = new Date(Date.parse(START) + 2 * 86_400_000).toISOString();
    await app.record('GoalActivated', {
      employeeId: employee.employeeId,
      goalId: 'goal-3001',
      checkInCadence: 'fortnightly',
      nextCheckInDueAt: dueAt,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(0);

    app.clock.advanceMs(86_400_000 + 60_000); // a day before it is due
    const due = await smtp.waitFor(2);
    expect(due.map(({ envelope }) => envelope.to[0]).sort()).toEqual(
      [employee.email, manager.email].sort(),
    );
    for (const mail of due) {
      const ics = mail.parsed.attachments.find(({ contentType }) =>
        contentType.startsWith('text/calendar'),
      );
      expect(ics).toBeDefined();
      const invite = parseIcs(ics!.content.toString('utf8'));
      expect(invite.method).toBe('REQUEST');
      expect(invite.start.toISOString()).toBe(dueAt);
      const minutes = (invite.end.getTime() - invite.start.getTime()) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(15);
      expect(minutes).toBeLessThanOrEqual(30);
    }
    const forEmployee = due.find(({ envelope }) => envelope.to[0] === employee.email)!;
    const invite = parseIcs(
      forEmployee.parsed.attachments
        .find(({ contentType }) => contentType.startsWith('text/calendar'))!
        .content.toString('utf8'),
    );
    // The three questions of a check-in, in the employee's language.
    expect(invite.description).toMatch(/since the last check-in/i);
    expect(invite.description).toMatch(/hard/i);
    expect(invite.description).toMatch(/next/i);

    app.clock.advanceMs(3 * 86_400_000); // past due, nothing logged
    const all = await smtp.waitFor(4);
    expect(
      all
        .slice(2)
        .map(({ envelope }) => envelope.to[0])
        .sort(),
    ).toEqual([employee.email, manager.email].sort());
    expect((await mailsIn()).map(({ kind }) => kind).sort()).toEqual([
      'check-in-due',
      'check-in-due',
      'check-in-overdue',
      'check-in-overdue',
    ]);
  });

  it('sends nothing to a person who turned e-mail off, and gathers a digest once a day', async () => {
    await people();
    const off = await app.call(
      'PUT',
      '/notification-preferences/me',
      { preference: 'off' },
      asEmployee,
    );
    expect(off.status).toBe(200);
    const mine = await app.call<{ preference: string }>(
      'GET',
      '/notification-preferences/me',
      undefined,
      asEmployee,
    );
    expect(mine.body.preference).toBe('off');
    await app.record('GoalApproved', { employeeId: employee.employeeId });
    const [suppressed] = await readEventually(mailsIn, (mails) =>
      mails.some(({ state }) => state === 'suppressed'),
    );
    expect(smtp.messages).toHaveLength(0);
    expect(await outcomes()).toEqual([
      {
        type: 'MailSuppressed',
        data: expect.objectContaining({
          kind: 'goal-approved',
          recipientId: employee.employeeId,
          reason: 'turned-off',
          goalId: suppressed.facts.goalId,
        }),
      },
    ]);

    await app.call(
      'PUT',
      '/notification-preferences/me',
      { preference: 'daily-digest' },
      asEmployee,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.record('GoalApproved', { employeeId: employee.employeeId, goalId: 'goal-a' });
    await app.record('GoalRejected', { employeeId: employee.employeeId, goalId: 'goal-b' });
    await readEventually(mailsIn, (mails) => mails.filter(({ digest }) => digest).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(0);
    app.clock.advanceMs(20 * 3_600_000); // to 07:00 UTC the next day
    const [digest] = await smtp.waitFor(1);
    expect(digest.envelope.to).toEqual([employee.email]);
    expect(digest.parsed.text).toContain('goal-a');
    expect(digest.parsed.text).toContain('goal-b');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(1);
    // One MailSent per mail the digest gathered, all with the digest's Message-ID.
    const sent = (await outcomes()).filter(({ type }) => type === 'MailSent');
    expect(sent.map(({ data }) => [data['goalId'], data['digest'], data['messageId']])).toEqual(
      expect.arrayContaining([
        ['goal-a', true, header(digest, 'message-id')],
        ['goal-b', true, header(digest, 'message-id')],
      ]),
    );
    expect(sent).toHaveLength(2);
    // On the bus: those three, and none of the preferences set on the way (internal events).
    const onTheBus = await readEventually(published, (events) => events.length >= 3);
    expect(onTheBus.map(({ type }) => type).sort()).toEqual([
      'talentloop.notifications.MailSent.v1',
      'talentloop.notifications.MailSent.v1',
      'talentloop.notifications.MailSuppressed.v1',
    ]);
  });

  it('turns e-mail off with the one-click link (RFC 8058), and refuses an altered link', async () => {
    await people();
    await app.record('GoalApproved', { employeeId: employee.employeeId });
    const [mail] = await smtp.waitFor(1);
    const link = header(mail, 'list-unsubscribe').slice(1, -1);
    const path = link.replace('http://notifications.test', '');

    const altered = await fetch(`${app.base}${path.replace(/\.[^.]+$/, '.AAAA')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(altered.status).toBe(422);
    expect(altered.headers.get('content-type')).toContain('application/problem+json');
    expect(((await altered.json()) as { code: string }).code).toBe('UNSUBSCRIBE_LINK_INVALID');
    const unchanged = await app.call<{ preference: string }>(
      'GET',
      '/notification-preferences/me',
      undefined,
      asEmployee,
    );
    expect(unchanged.body.preference).toBe('immediately');

    const page = await fetch(`${app.base}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    // The page may post its form to this service, and do nothing else.
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const clicked = await fetch(`${app.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    const mine = await app.call<{ preference: string }>(
      'GET',
      '/notification-preferences/me',
      undefined,
      asEmployee,
    );
    expect(mine.body.preference).toBe('off');

    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.record('GoalRejected', { employeeId: employee.employeeId, goalId: 'goal-later' });
    await readEventually(mailsIn, (mails) => mails.some(({ state }) => state === 'suppressed'));
    expect(smtp.messages).toHaveLength(1);
  });

  it('never writes to an erased person', async () => {
    await people();
    await app.record('PersonErased', { employeeId: employee.employeeId });
    await (app.store as ProtectedEventStore).cipher.erase({
      tenantId: 'acme',
      subjectId: employee.employeeId,
    });
    await app.record('GoalApproved', { employeeId: employee.employeeId });
    const [mail] = await readEventually(mailsIn, (mails) => mails.length === 1);
    await readEventually(mailsIn, ([only]) => only.state === 'suppressed');
    expect(mail.recipientId).toBe(employee.employeeId);
    expect(smtp.messages).toHaveLength(0);
    expect(ERASED).toBe('[erased]');
  });

  it('mails HR contacts an admin named about an overdue approval, and refuses bad settings', async () => {
    await people();
    const tooMany = await app.call(
      'PUT',
      '/notification-settings/hr-contacts',
      { employeeIds: Array.from({ length: 21 }, (_, i) => `emp-${i}`) },
      admin,
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.contentType).toContain('application/problem+json');
    const badPreference = await app.call(
      'PUT',
      '/notification-preferences/me',
      { preference: 'weekly' },
      asEmployee,
    );
    expect(badPreference.status).toBe(422);

    const set = await app.call(
      'PUT',
      '/notification-settings/hr-contacts',
      { employeeIds: [hr.employeeId] },
      admin,
    );
    expect(set.status).toBe(200);
    const read = await app.call<{ employeeIds: string[] }>(
      'GET',
      '/notification-settings/hr-contacts',
      undefined,
      admin,
    );
    expect(read.body.employeeIds).toEqual([hr.employeeId]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.record('ApprovalOverdue', {
      employeeId: employee.employeeId,
      managerId: manager.employeeId,
      addressedTo: 'manager',
      pendingDays: 8,
    });
    const mails = await smtp.waitFor(2);
    expect(mails.map(({ envelope }) => envelope.to[0]).sort()).toEqual(
      [hr.email, manager.email].sort(),
    );
  });

  it('tells the manager and HR when a goal reaches its deadline: time to remeasure', async () => {
    await people();
    await app.call(
      'PUT',
      '/notification-settings/hr-contacts',
      { employeeIds: [hr.employeeId] },
      admin,
    );
    // Submitted with a deadline of 31 July; its check-in was due before mails began.
    await app.record('GoalSubmitted', { employeeId: employee.employeeId, goalId: 'goal-3001' });
    await app.record('GoalActivated', { employeeId: employee.employeeId, goalId: 'goal-3001' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(0);

    app.clock.advanceMs(Date.parse('2026-07-31T09:00:00.000Z') - Date.parse(START));
    const mails = await smtp.waitFor(2);
    expect(mails.map(({ envelope }) => envelope.to[0]).sort()).toEqual(
      [hr.email, manager.email].sort(),
    );
    const kinds = (await mailsIn()).map(({ kind }) => kind);
    expect(kinds).toEqual(['remeasurement-due', 'remeasurement-due']);
  });

  it('retries a mail the server defers, dead-letters one it refuses, and shows both in the log', async () => {
    await people();
    smtp.failNext(451, '4.3.0 try again later');
    await app.record('GoalApproved', { employeeId: employee.employeeId, goalId: 'goal-deferred' });
    await readEventually(mailsIn, ([mail]) => mail?.attempts === 1);
    app.clock.advanceMs(1_000);
    await smtp.waitFor(1);

    smtp.failNext(550, '5.1.1 mailbox unavailable');
    await app.record('GoalApproved', { employeeId: employee.employeeId, goalId: 'goal-refused' });
    const log = await readEventually(
      async () =>
        (
          await app.call<{
            mails: {
              goalId: string;
              state: string;
              attempts: number;
              log: { outcome: string; detail: string }[];
            }[];
          }>('GET', '/mails', undefined, admin)
        ).body.mails,
      (mails) => mails.some(({ state }) => state === 'dead'),
    );
    const dead = log.find(({ goalId }) => goalId === 'goal-refused')!;
    expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
    expect(dead.log[0].detail).toContain('550');
    expect(dead.log[0].detail).not.toContain(employee.email);
    expect(log.find(({ goalId }) => goalId === 'goal-deferred')).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
    const onlyDead = await app.call<{ mails: unknown[] }>(
      'GET',
      '/mails?state=dead',
      undefined,
      admin,
    );
    expect(onlyDead.body.mails).toHaveLength(1);
    expect((await app.call('GET', '/mails', undefined, asEmployee)).status).toBe(403);
    expect((await app.call('GET', '/mails?state=lost', undefined, admin)).status).toBe(422);
    expect(smtp.messages).toHaveLength(1);
    // The outcomes as integrators get them: a retried mail is sent once, after two attempts.
    const events = await readEventually(published, (events) => events.length === 2);
    expect(events.map(({ type, data }) => [type, data['goalId'], data['attempts']])).toEqual(
      expect.arrayContaining([
        ['talentloop.notifications.MailSent.v1', 'goal-deferred', 2],
        ['talentloop.notifications.MailDeadLettered.v1', 'goal-refused', 1],
      ]),
    );
    expect(events.find(({ data }) => data['goalId'] === 'goal-refused')?.data['reason']).toBe(
      'refused',
    );
  });

  it('sends each mail once across a restart and a second instance on the same files', async () => {
    await people();
    for (let i = 0; i < 20; i += 1)
      await app.record('GoalApproved', { employeeId: employee.employeeId, goalId: `goal-${i}` });
    await smtp.waitFor(5);
    const folder = app.folder;
    await app.stop(false);
    const first = await start({}, folder);
    const second = await start({}, folder);
    try {
      await smtp.waitFor(20);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ids = smtp.messages.map((mail) => header(mail, 'message-id'));
      expect(new Set(ids).size).toBe(20);
      expect(ids).toHaveLength(20);
      // One MailSent per mail in the store, whichever instance recorded it.
      const sent = await readEventually(
        () => outcomes(first),
        (events) => events.length >= 20,
      );
      expect(sent.map(({ data }) => data['messageId']).sort()).toEqual([...ids].sort());
    } finally {
      await second.stop(false);
      app = first;
    }
  });

  it('writes each mail to the mailbox folder as an .eml file when no SMTP server is set', async () => {
    await app.stop();
    app = await start({ SMTP_URL: '' });
    await people();
    await app.record('GoalApproved', { employeeId: employee.employeeId });
    const mailbox = join(app.folder, 'mailbox');
    const files = await readEventually(
      () => readdir(mailbox).catch(() => [] as string[]),
      (names) => names.some((name) => name.endsWith('.eml')),
    );
    const parsed = await simpleParser(
      await readFile(join(mailbox, files.find((n) => n.endsWith('.eml'))!)),
    );
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toContain(employee.email);
    expect(smtp.messages).toHaveLength(0);
  });
});
