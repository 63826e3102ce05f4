import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { approvalRequestIdFor } from '@talentloop/approval-domain';
import { topicFor } from '@talentloop/contracts';
import { mailIdOf, type MailKind } from '@talentloop/notifications-domain';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '@talentloop/testing';
import mongoose from 'mongoose';
import { framework } from './demo/framework';
import { newDemoTenantId } from './testing/demo-run';
import { tenantMessages } from './testing/topic-messages';
import { describeOnEach, embedded, kafkaMongo, systemPerSuite } from './testing/infrastructures';
import type { RunningSystem } from './testing/running-system';

/**
 * E-mails to people on the running system: the five services from dist/, notifications on an
 * SMTP server in this process (SMTP_URL), behind a line that answers slowly, so sending takes
 * a while. A tenant of 40 employees (5 per manager, half Dutch, half English) submits a goal
 * each; while the managers' mails go out notifications is SIGKILLed, the managers decide
 * (half approve, half reject) while it is down, and it is started again. Every mail arrives,
 * in its recipient's language, to the right address, with a one-click unsubscribe; then one
 * person unsubscribes with that link and is not written to again.
 */

const PUBLIC_URL = 'http://notifications.e2e.test';
const EMPLOYEES = 40;
const PER_MANAGER = 5;
/**
 * NOTIFICATIONS_MAIL_CONCURRENCY: also how many mails can be in flight when the service dies.
 * Four, and four requests at once: at eight of each the test infrastructure's FerretDB wedged
 * (every query hanging) in about one Kafka run in five; at four, in none of a dozen.
 */
const CONCURRENCY = 4;
/** Requests the suite has in flight at once while it seeds and decides. */
const REQUESTS = 4;
/** How late the line hands on each SMTP answer until the service is killed (then 10 ms). */
const SLOW_ANSWER_MS = 120;

type Language = 'en' | 'nl';
interface Person {
  readonly id: string;
  readonly name: string;
  readonly language: Language;
  readonly managerId: string | null;
}

const managers: Person[] = Array.from({ length: EMPLOYEES / PER_MANAGER }, (_, i) => ({
  id: `mgr-${i}`,
  name: `Manager ${i}`,
  language: i % 2 === 0 ? 'nl' : 'en',
  managerId: null,
}));
const employees: Person[] = Array.from({ length: EMPLOYEES }, (_, i) => ({
  id: `emp-${String(i).padStart(2, '0')}`,
  // A third of them with a name that needs an encoded header.
  name: i % 3 === 0 ? `Zoë ${i}` : `Employee ${i}`,
  language: i % 2 === 0 ? 'en' : 'nl',
  managerId: managers[Math.floor(i / PER_MANAGER)].id,
}));
const everyone = new Map([...managers, ...employees].map((person) => [person.id, person]));
/** Even employees are approved, odd ones rejected. */
const approved = (employee: Person) => Number(employee.id.slice(4)) % 2 === 0;

/** What each mail is called, by kind and language (the employee's name in the managers'). */
const subjects: Record<string, Record<Language, (about: string) => string>> = {
  'approval-requested': {
    en: (about) => `${about} submitted a goal for your approval`,
    nl: (about) => `${about} heeft een doel ter goedkeuring ingediend`,
  },
  'goal-approved': { en: () => 'Your goal was approved', nl: () => 'Je doel is goedgekeurd' },
  'goal-rejected': {
    en: () => 'Your goal needs another look',
    nl: () => 'Je doel heeft nog aandacht nodig',
  },
};

/** A header as sent (unfolded), from the raw message: mailparser restructures the List-* ones. */
const header = (mail: ReceivedMail, name: string): string => {
  const head = mail.raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? '' : line.slice(name.length + 1).trim();
};
const messageIdOf = (mail: ReceivedMail) => header(mail, 'message-id').replace(/^<|>$/g, '');

/**
 * A TCP line between notifications and the SMTP receiver that hands on every answer of the
 * server `delayMs` late (in order): each mail takes a few round trips, so sending is slow, and
 * a mail the server accepted may die with the service before its 250 reached it.
 */
interface SlowLine {
  readonly url: string;
  delayMs: number;
  close(): Promise<void>;
}

const slowLineTo = async (port: number): Promise<SlowLine> => {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    const hangUp = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    let answers = Promise.resolve();
    client.on('error', hangUp).on('close', hangUp);
    upstream.on('error', hangUp);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      answers = answers.then(async () => {
        await sleep(line.delayMs);
        if (!client.destroyed) client.write(chunk);
      });
    });
    upstream.on('end', () => void answers.then(() => client.end()));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const line: SlowLine = {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delayMs: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
  return line;
};

/** Runs `task` over `items`, at most `concurrency` at a time. */
const inParallel = async <T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    }),
  );
  return results;
};

/** GET /mails: where each mail of the tenant stands. */
interface MailLog {
  readonly mails: readonly {
    readonly mailId: string;
    readonly state: string;
    readonly messageId: string | null;
    readonly log: readonly { readonly outcome: string; readonly detail: string }[];
  }[];
}

interface Replayed {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

describeOnEach(
  'e-mails to people while notifications is SIGKILLed mid-sending and restarted',
  [embedded, kafkaMongo],
  (infrastructure) => {
    let receiver: SmtpReceiver;
    let line: SlowLine;
    // Before the system starts: its SMTP_URL is the line's.
    beforeAll(async () => {
      receiver = await startSmtpReceiver();
      line = await slowLineTo(receiver.port);
    });
    const started = systemPerSuite(infrastructure, {
      processes: 'per-service',
      env: () => ({
        SMTP_URL: line.url,
        NOTIFICATIONS_PUBLIC_URL: PUBLIC_URL,
        NOTIFICATIONS_MAIL_CONCURRENCY: String(CONCURRENCY),
        // A claimed mail whose sender died is taken again this long (+ 5 s) after its claim.
        NOTIFICATIONS_DELIVERY_TIMEOUT_MS: '2000',
      }),
    });
    afterAll(async () => {
      await line?.close();
      await receiver?.close();
    });

    const tenantId = newDemoTenantId();
    const addressOf = (personId: string) => `${personId}@${tenantId}.example.com`;
    let system: RunningSystem;

    interface Answer {
      readonly status: number;
      readonly body: unknown;
    }
    const call = async (
      service: Parameters<RunningSystem['url']>[0],
      method: string,
      path: string,
      as: { userId: string; roles: string[] },
      body?: unknown,
    ): Promise<Answer> => {
      const response = await fetch(system.url(service, path), {
        method,
        headers: {
          authorization: await system.bearer({ tenantId, ...as }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
    };
    /** The answer once it is 2xx (the read sides catch up meanwhile); fails after a minute. */
    const eventually = async (
      what: string,
      request: () => Promise<Answer>,
      accept: (answer: Answer) => boolean = ({ status }) => status >= 200 && status < 300,
    ): Promise<Answer> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const answer = await request();
        if (accept(answer)) return answer;
        if (Date.now() > deadline)
          throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
        await sleep(100);
      }
    };
    /** Waits until `done` holds of the mails received, or fails with the system's last lines. */
    const received = async (
      what: string,
      done: (mails: readonly ReceivedMail[]) => boolean,
      timeoutMs: number,
    ) => {
      const deadline = Date.now() + timeoutMs;
      while (!done(receiver.messages)) {
        if (Date.now() > deadline)
          throw new Error(
            `not received within ${timeoutMs} ms: ${what} (${receiver.messages.length} mails, ${distinctIds().size} Message-IDs)\nthe read-model server: ${await readModelServer()}\nthe mail log: ${await mailLog()}\nnotifications' last lines:\n${system.output
              .split('\n')
              .filter((l) => /^\[(notifications|test)\]/.test(l))
              .slice(-40)
              .join('\n')}`,
          );
        await sleep(50);
      }
    };
    /**
     * On MongoDB read models: whether the system's database answers a query within 5 s. The
     * test infrastructure's FerretDB 1.24 (SQLite) has been seen to wedge under this load, every
     * query on the database hanging (a ping still answers): then no mail moves because no read
     * model answers, and the failure says so.
     */
    const readModelServer = async (): Promise<string> => {
      const { MONGODB_URI: uri, MONGODB_DB: dbName, READ_MODELS } = system.env;
      if (READ_MODELS !== 'mongo' || !uri) return 'SQLite';
      const connection = mongoose.createConnection(uri, {
        dbName,
        serverSelectionTimeoutMS: 5_000,
        socketTimeoutMS: 5_000,
      });
      try {
        const mails = await (await connection.asPromise())
          .db!.collection('notifications-mails')
          .countDocuments({});
        return `${uri}${dbName} answers (${mails} mail documents)`;
      } catch (error) {
        return `${uri}${dbName} DOES NOT ANSWER A QUERY (${String(error)}): the read-model server is wedged, not the mail pipeline; restart it (deploy/test-infra/down.sh, up.sh)`;
      } finally {
        void connection.close(true).catch(() => undefined);
      }
    };
    /** Where the tenant's mails stand (GET /mails, as an admin), for a failure's message. */
    const mailLog = async (): Promise<string> => {
      try {
        const response = await fetch(system.url('notifications', '/mails?limit=200'), {
          headers: {
            authorization: await system.bearer({
              tenantId,
              userId: 'admin-mails',
              roles: ['admin'],
            }),
          },
          signal: AbortSignal.timeout(5_000),
        });
        const { mails } = (await response.json()) as {
          mails: { state: string; sendAt: string | null; attempts: number; log: unknown[] }[];
        };
        const states = new Map<string, number>();
        for (const { state } of mails) states.set(state, (states.get(state) ?? 0) + 1);
        return `${JSON.stringify(Object.fromEntries(states))}; not sent: ${JSON.stringify(
          mails.filter(({ state }) => state !== 'sent').slice(0, 5),
        )}`;
      } catch (error) {
        return `unreadable (${String(error)})`;
      }
    };
    const distinctIds = () => new Set(receiver.messages.map(messageIdOf));

    const hr = { userId: 'hr-mails', roles: ['hr'] };
    const as = (person: Person) => ({
      userId: person.id,
      roles: person.managerId === null ? ['manager', 'employee'] : ['employee'],
    });

    /** The tenant's events as an integrator replays them (NDJSON), by type without context. */
    const replayed = async (): Promise<Replayed[]> => {
      const response = await fetch(system.url('analytics', '/replay/events'), {
        headers: {
          authorization: await system.bearer({
            tenantId,
            userId: 'int-hris',
            roles: ['integrator'],
          }),
        },
      });
      expect(response.status).toBe(200);
      return (await response.text())
        .split('\n')
        .filter((row) => row.trim() !== '')
        .map((row) => JSON.parse(row) as Replayed)
        .map((event) => ({
          ...event,
          type: event.type.replace(/^talentloop\.[^.]+\./, '').replace(/\.v\d+$/, ''),
        }));
    };

    /**
     * The mails the tenant's events call for, by Message-ID: each approval request to the
     * employee's manager, each decision to the employee, their ids derived as the planner
     * derives them (from the event and the recipient).
     */
    const mailsCalledFor = async () => {
      const expected = new Map<string, { kind: MailKind; recipient: Person; about: Person }>();
      const kinds: Record<string, MailKind> = {
        ApprovalRequested: 'approval-requested',
        GoalApproved: 'goal-approved',
        GoalRejected: 'goal-rejected',
      };
      for (const event of await replayed()) {
        const kind = kinds[event.type];
        if (kind === undefined) continue;
        const about = everyone.get(String(event.data['employeeId']))!;
        const recipient = kind === 'approval-requested' ? everyone.get(about.managerId!)! : about;
        expected.set(`${mailIdOf(tenantId, kind, recipient.id, event.id)}@talentloop`, {
          kind,
          recipient,
          about,
        });
      }
      return expected;
    };

    const goals = new Map<string, string>();
    let killedAt = 0;
    let restartedAt = 0;

    beforeAll(async () => {
      system = started();
      // The organisation: a framework, a role that requires collaboration, the people (HRIS).
      await eventually('framework', () =>
        call('assessment', 'POST', '/frameworks/core/versions', hr, framework),
      );
      await eventually('role profile', () =>
        call('assessment', 'PUT', '/role-profiles/software-engineer', hr, {
          name: 'Software engineer',
          frameworkId: 'core',
          requiredCompetencies: [{ competencyId: 'collaboration', requiredLevel: 4, weight: 40 }],
        }),
      );
      const sync = await call('assessment', 'POST', '/people/sync', hr, {
        employees: [...everyone.values()].map((person) => ({
          externalId: person.id,
          displayName: person.name,
          email: addressOf(person.id),
          roleId: 'software-engineer',
          departmentId: 'engineering',
          departmentName: 'Engineering',
          managerExternalId: person.managerId,
          preferredLanguage: person.language,
          employmentStatus: 'active',
        })),
      });
      expect(sync.status).toBe(200);
      // A plan and a drafted goal each, agreed to by the employee.
      await inParallel(employees, REQUESTS, async (employee) => {
        const plan = await eventually(`plan of ${employee.id}`, () =>
          call('planning', 'POST', '/plans', hr, { employeeId: employee.id, cycle: '2026-mails' }),
        );
        const { planId } = plan.body as { planId: string };
        const drafted = await eventually(`draft of ${employee.id}`, () =>
          call('planning', 'POST', `/plans/${planId}/goals/draft`, hr, {
            target: { kind: 'competency', competencyId: 'collaboration', indicatorIds: [] },
            motivationNote: 'I want to be the colleague people like to think with.',
          }),
        );
        const { goalId } = drafted.body as { goalId: string };
        await eventually(`agreement of ${employee.id}`, () =>
          call('planning', 'POST', `/goals/${goalId}/agreement`, as(employee), {
            motivation: 'I want my team to feel heard before I answer.',
          }),
        );
        goals.set(employee.id, goalId);
      });
    }, 150_000);

    it('sends every mail once per Message-ID, in its language, to its address, through a crash', async () => {
      const since = Date.now();
      // Slow enough that mails are still being sent when the service dies.
      line.delayMs = SLOW_ANSWER_MS;
      await inParallel(employees, REQUESTS, (employee) =>
        eventually(`submission of ${employee.id}`, () =>
          call('planning', 'POST', `/goals/${goals.get(employee.id)!}/submit`, as(employee)),
        ),
      );
      await received('a first few mails', (mails) => mails.length >= 10, 60_000);
      await system.kill('notifications');
      killedAt = receiver.messages.length;
      system.note(`${killedAt} mails received when notifications was killed`);
      // The kill came while the managers' mails were still being sent.
      expect(killedAt).toBeLessThan(EMPLOYEES);

      // The managers decide while notifications is down: those mails wait in the event log.
      await inParallel(employees, REQUESTS, (employee) => {
        const manager = everyone.get(employee.managerId!)!;
        const requestId = approvalRequestIdFor(tenantId, goals.get(employee.id)!);
        return eventually(`decision on ${employee.id}`, () =>
          approved(employee)
            ? call('approval', 'POST', `/approval-requests/${requestId}/approve`, as(manager), {
                checkInCadence: 'weekly',
                submissionNumber: 1,
              })
            : call('approval', 'POST', `/approval-requests/${requestId}/reject`, as(manager), {
                feedback: 'Name the meetings where you will practise, and who you ask afterwards.',
                submissionNumber: 1,
              }),
        );
      });
      line.delayMs = 10;
      await system.restart('notifications');
      restartedAt = receiver.messages.length;

      const expected = await mailsCalledFor();
      expect([...expected.values()].map(({ kind }) => kind).sort()).toEqual([
        ...Array<MailKind>(EMPLOYEES).fill('approval-requested'),
        ...Array<MailKind>(EMPLOYEES / 2).fill('goal-approved'),
        ...Array<MailKind>(EMPLOYEES / 2).fill('goal-rejected'),
      ]);
      // The claims of the mails in hand at the kill run out 7 s after it; then they go out.
      await received(
        `the ${expected.size} mails`,
        () => [...expected.keys()].every((id) => distinctIds().has(id)),
        90_000,
      );
      await sleep(500);

      // Nothing lost, nothing else: every mail called for, under its own Message-ID.
      expect([...distinctIds()].sort()).toEqual([...expected.keys()].sort());
      // Nothing twice, but what was in flight: a mail the server accepted (250) whose record the
      // kill prevented is sent again once its claim runs out, under the SAME Message-ID (SMTP
      // has no idempotency key; receiving systems drop a Message-ID they already have). So a
      // Message-ID seen twice is such a mail: at most one per lane sending at the kill, and
      // its first copy came before the restart.
      const copies = new Map<string, number[]>();
      receiver.messages.forEach((mail, index) =>
        copies.set(messageIdOf(mail), [...(copies.get(messageIdOf(mail)) ?? []), index]),
      );
      const repeated = [...copies.values()].filter((indexes) => indexes.length > 1);
      system.note(
        `${receiver.messages.length} mails received for ${expected.size} Message-IDs: ${repeated.length} sent again after the kill`,
      );
      expect(repeated.length).toBeLessThanOrEqual(CONCURRENCY);
      for (const indexes of repeated) {
        expect(indexes).toHaveLength(2);
        expect(indexes[0]).toBeLessThan(restartedAt);
      }

      // Each mail to its recipient, in their language, with a one-click unsubscribe (RFC 8058).
      for (const mail of receiver.messages) {
        const { kind, recipient, about } = expected.get(messageIdOf(mail))!;
        expect({
          to: mail.envelope.to,
          header: mail.parsed.to && 'value' in mail.parsed.to ? mail.parsed.to.value : undefined,
          language: header(mail, 'content-language'),
          subject: mail.parsed.subject,
          unsubscribe: header(mail, 'list-unsubscribe'),
          post: header(mail, 'list-unsubscribe-post'),
        }).toEqual({
          to: [addressOf(recipient.id)],
          header: [{ address: addressOf(recipient.id), name: recipient.name }],
          language: recipient.language,
          subject: subjects[kind][recipient.language](about.name),
          unsubscribe: expect.stringMatching(
            /^<http:\/\/notifications\.e2e\.test\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
          ) as unknown,
          post: 'List-Unsubscribe=One-Click',
        });
      }

      // What became of each mail, as integrators get it: one MailSent per Message-ID in the
      // replay, however often a mail went out; on Kafka, the same events on the notifications
      // topic (a page the relay had in hand at the kill may come twice: same event ids).
      const sentInReplay = async () => (await replayed()).filter(({ type }) => type === 'MailSent');
      let sent = await sentInReplay();
      for (const deadline = Date.now() + 30_000; sent.length < expected.size; ) {
        if (Date.now() > deadline) break;
        await sleep(200);
        sent = await sentInReplay();
      }
      expect(
        sent.map(({ data }) => String(data['messageId']).replace(/^<|>$/g, '')).sort(),
      ).toEqual([...expected.keys()].sort());
      if (system.env['BUS'] === 'kafka') {
        const sentIds = new Set(sent.map(({ id }) => id));
        const published = await tenantMessages({
          brokers: (system.env['TALENTLOOP_KAFKA_INSPECT_BROKERS'] ?? '').split(','),
          topics: [topicFor('notifications')],
          tenantId,
          since,
          complete: (messages) => {
            const onTopic = new Set(messages.map(({ id }) => id));
            return [...sentIds].every((id) => onTopic.has(id));
          },
        });
        expect(new Set(published.map(({ id }) => id))).toEqual(sentIds);
        expect(new Set(published.map(({ type }) => type))).toEqual(
          new Set(['talentloop.notifications.MailSent.v1']),
        );
      }
    }, 200_000);

    it('stops the mails to a person who unsubscribed with the one-click link of one of them', async () => {
      const [quitter, control] = employees.filter((employee) => !approved(employee));
      const rejection = receiver.messages.find(
        (mail) => mail.envelope.to[0] === addressOf(quitter.id),
      );
      expect(rejection?.parsed.subject).toBe(subjects['goal-rejected'][quitter.language](''));
      const link = header(rejection!, 'list-unsubscribe').slice(1, -1);
      // What a mail client posts for List-Unsubscribe-Post: no token, no cookie, just the link.
      const clicked = await fetch(link.replace(PUBLIC_URL, system.url('notifications', '')), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(clicked.status).toBe(200);
      const mine = await call('notifications', 'GET', '/notification-preferences/me', as(quitter));
      expect(mine.body).toEqual({ preference: 'off' });
      const toQuitter = () =>
        receiver.messages.filter((mail) => mail.envelope.to[0] === addressOf(quitter.id)).length;
      const before = toQuitter();

      // Both revise and resubmit; the manager approves the quitter's goal, then the other's.
      for (const employee of [quitter, control]) {
        const goalId = goals.get(employee.id)!;
        await eventually(`revision of ${employee.id}`, () =>
          call('planning', 'PATCH', `/goals/${goalId}`, as(employee), {
            situation: 'In the Tuesday design review; afterwards I ask one colleague for feedback.',
          }),
        );
        await eventually(
          `${employee.id}'s goal revised`,
          () => call('planning', 'GET', `/goals/${goalId}`, as(employee)),
          ({ body }) => (body as { status?: string } | undefined)?.status === 'revised',
        );
        await eventually(`agreement of ${employee.id}`, () =>
          call('planning', 'POST', `/goals/${goalId}/agreement`, as(employee), {
            motivation: 'I want my team to feel heard before I answer.',
          }),
        );
        await eventually(`resubmission of ${employee.id}`, () =>
          call('planning', 'POST', `/goals/${goalId}/submit`, as(employee)),
        );
      }
      for (const employee of [quitter, control]) {
        const requestId = approvalRequestIdFor(tenantId, goals.get(employee.id)!);
        await eventually(`approval of ${employee.id}'s resubmission`, () =>
          call(
            'approval',
            'POST',
            `/approval-requests/${requestId}/approve`,
            as(everyone.get(employee.managerId!)!),
            { checkInCadence: 'weekly', submissionNumber: 2 },
          ),
        );
      }

      // The manager hears of both resubmissions and the other employee of the approval: the
      // mails after the quitter's are sent; the quitter's was made, and suppressed.
      const expected = await mailsCalledFor();
      expect(expected.size).toBe(EMPLOYEES * 2 + 4);
      const quitterApproval = [...expected].find(
        ([, { kind, recipient }]) => kind === 'goal-approved' && recipient === quitter,
      )![0];
      await received(
        'the mails after the unsubscription',
        () => [...expected.keys()].every((id) => id === quitterApproval || distinctIds().has(id)),
        60_000,
      );
      const admin = { userId: 'admin-mails', roles: ['admin'] };
      const suppressed = await eventually(
        "the quitter's approval mail suppressed in the mail log",
        () => call('notifications', 'GET', `/mails?recipientId=${quitter.id}`, admin),
        ({ status, body }) =>
          status === 200 &&
          (body as MailLog).mails.some(
            ({ messageId, mailId, state }) =>
              `${mailId}@talentloop` === quitterApproval && state === 'suppressed' && !messageId,
          ),
      );
      expect(
        (suppressed.body as MailLog).mails.find(
          ({ mailId }) => `${mailId}@talentloop` === quitterApproval,
        )?.log,
      ).toEqual([
        {
          at: expect.any(String) as unknown,
          outcome: 'suppressed',
          detail: 'the person turned e-mail off',
        },
      ]);
      expect(toQuitter()).toBe(before);
      expect(distinctIds().has(quitterApproval)).toBe(false);
      expect(distinctIds().size).toBe(expected.size - 1);
    }, 120_000);
  },
);
