import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import type { Role } from '@talentloop/service-kit';
import { runDemo, type DemoSummary } from './testing/demo-run';
import { describeOnEach, embedded, kafkaMongo, systemPerSuite } from './testing/infrastructures';
import type { RunningSystem, services } from './testing/running-system';

type Service = (typeof services)[number];

const ERASED = '[erased]';
const person = 'emp-chloe';

/** What the demo wrote about Chloe: her name, e-mail, motivation, the feedback on her goal, her check-ins. */
const personalTexts = (tenantId: string): string[] => [
  'Chloe Martin',
  `emp-chloe@${tenantId}.example.com`,
  'I want to be the colleague people like to think with.',
  'Name the meetings where you will practise listening',
  'Summarised the speaker before replying in two design reviews.',
  'Summaries go well; holding back my own view is hard.',
];

describeOnEach(
  'erasing a person (crypto-shredding) in the five services as separate processes',
  [embedded, kafkaMongo],
  (infrastructure) => {
    const started = systemPerSuite(infrastructure);
    let system: RunningSystem;
    let demo: DemoSummary;
    let call: (
      service: Service,
      method: string,
      path: string,
      roles: Role[],
      user?: string,
    ) => Promise<Response>;

    beforeAll(async () => {
      system = started();
      demo = (await runDemo(system)).summary;
      call = async (service, method, path, roles, user = `${roles[0]}-privacy`) =>
        fetch(system.url(service, path), {
          method,
          headers: {
            'content-type': 'application/json',
            authorization: await system.bearer({ tenantId: demo.tenantId, userId: user, roles }),
          },
        });
    }, 180_000);

    it('exports a person’s data as JSON to them, and to no other employee', async () => {
      const own = await call('analytics', 'GET', `/people/${person}/export`, ['employee'], person);
      const other = await call(
        'analytics',
        'GET',
        `/people/${person}/export`,
        ['employee'],
        'emp-daan',
      );

      expect(own.status).toBe(200);
      const exported = (await own.json()) as Export;
      expect(exported).toMatchObject({
        tenantId: demo.tenantId,
        employeeId: person,
        person: { displayName: 'Chloe Martin', email: `emp-chloe@${demo.tenantId}.example.com` },
        plans: [expect.objectContaining({ event: 'PlanStarted' })],
        erasure: null,
      });
      const goal = exported.goals.find((candidate) => candidate.goalId === demo.goalId);
      expect(goal?.history.map((entry) => entry.event)).toEqual(
        expect.arrayContaining([
          'GoalDrafted',
          'GoalSubmitted',
          'GoalRejected',
          'GoalApproved',
          'CheckInLogged',
        ]),
      );
      expect(exported.assessment.map((entry) => entry.event)).toEqual(
        expect.arrayContaining(['MeasurementRecorded', 'MotivationRecorded', 'GapIdentified']),
      );
      expect(other.status).toBe(403);
    });

    it('leaves no name, e-mail or free text of theirs anywhere: files, topics, read models, APIs', async () => {
      const figuresBefore = await figures();
      const erasing = () => call('assessment', 'POST', `/people/${person}/erasure`, ['admin']);
      const byHr = await call('assessment', 'POST', `/people/${person}/erasure`, ['hr']);

      const first = await erasing();
      const again = await erasing();

      expect(byHr.status).toBe(403);
      expect(first.status).toBe(200);
      const erasure = (await first.json()) as { employeeId: string; erasedAt: string };
      expect(erasure.employeeId).toBe(person);
      expect(await again.json()).toEqual(erasure);

      // Every read side has taken in PersonErased: on Kafka a service learns of it from the
      // bus, and until then its cached key (30 s at most) still opens what it read before. A
      // field written after the erasure reads "[erased]" at once, so that alone is no sign:
      // wait until no text of theirs is left either.
      const needlesOfTenant = personalTexts(demo.tenantId);
      const answers = await eventually(async () => {
        const read = await readSides();
        const waitingFor = Object.entries({
          goal: read.goal.includes(ERASED),
          approval: read.approval.includes(ERASED),
          history: read.history.includes('"erased":true'),
        })
          .filter(([, forgotten]) => !forgotten)
          .map(([side]) => `${side}: ${read[side]?.slice(0, 600) ?? ''}`);
        const left = Object.entries(read).flatMap(([where, text]) =>
          found(needlesOfTenant, text, where),
        );
        return waitingFor.length === 0 && left.length === 0
          ? read
          : new Error([...waitingFor, ...left].join('\n'));
      });
      const exported = JSON.parse(answers.export) as Export;
      expect(exported.person).toMatchObject({
        displayName: ERASED,
        email: ERASED,
        employeeId: person,
      });
      expect(exported.erasure).toMatchObject({ event: 'PersonErased' });
      expect(JSON.parse(answers.assessment)).toMatchObject({ employee: { displayName: ERASED } });
      // Still on their manager's team, by id only: an erased name reads as none.
      expect((JSON.parse(answers.team) as { reports: unknown[] }).reports).toContainEqual({
        employeeId: person,
        displayName: null,
      });
      const rejection = (
        JSON.parse(answers.approval) as { exchange: { event: string; feedback?: string }[] }
      ).exchange.find((entry) => entry.event === 'GoalRejected');
      expect(rejection?.feedback).toBe(ERASED);
      // Their events are still there, readable, with the personal fields erased.
      expect(answers.replay).toContain('"type":"talentloop.planning.CheckInLogged.v2"');
      expect(answers.replay).toContain(`"whatWasDone":"${ERASED}"`);

      const needles = personalTexts(demo.tenantId);
      for (const [where, text] of Object.entries(answers))
        expect(found(needles, text, where)).toEqual([]);

      // The anonymous figures are what they were: the erased person's scores and statuses
      // still count, only what named them is gone (ADR 0006).
      expect(await figures()).toEqual(figuresBefore);

      expect(await foundInMongo(needles)).toEqual([]);
      expect(await foundOnKafka(needles)).toEqual([]);
      // At rest: every file of the data folder (event store, bus log, keys, checkpoints, read
      // models, and their -wal files), after the services have stopped and closed them.
      await system.interrupt();
      expect(foundInFiles(needles)).toEqual([]);
    }, 180_000);

    const readSides = async (): Promise<Record<string, string>> => {
      const text = async (response: Promise<Response>) => (await response).text();
      return {
        assessment: await text(
          call('assessment', 'GET', `/employees/${person}/assessment`, ['hr']),
        ),
        goal: await text(call('planning', 'GET', `/goals/${demo.goalId}`, ['hr'])),
        goals: await text(call('planning', 'GET', `/employees/${person}/goals`, ['hr'])),
        team: await text(call('planning', 'GET', '/managers/mgr-ben/reports', ['hr'])),
        approval: await text(
          call('approval', 'GET', `/approval-requests/${demo.requestId}`, ['hr']),
        ),
        history: await text(
          call('analytics', 'GET', `/analytics/employees/${person}/history`, ['hr']),
        ),
        export: await text(call('analytics', 'GET', `/people/${person}/export`, ['admin'])),
        replay: await text(call('analytics', 'GET', '/replay/events', ['integrator'])),
      };
    };

    /** The organisation's figures as HR sees them, without the position and instants they are as of. */
    const figures = async (): Promise<Record<string, unknown>> => {
      const all: Record<string, unknown> = {};
      for (const query of ['active-plans', 'gap-map', 'development-focus', 'growth']) {
        const response = await call('analytics', 'GET', `/analytics/${query}`, ['hr']);
        expect(response.status).toBe(200);
        // Instants that are "now" (the reference instant, the current period's end) move on.
        const text = (await response.text()).replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<instant>"');
        const answer = JSON.parse(text) as Record<string, unknown>;
        all[query] = Object.fromEntries(Object.entries(answer).filter(([key]) => key !== 'asOf'));
      }
      return all;
    };

    /**
     * The mailbox folder is the embedded default's stand-in for the people's inboxes: what is
     * there was sent before the erasure, as a mail server would have delivered it, and an
     * erasure cannot call a sent mail back. It is outside the system's data; every other file
     * of the data folder is read.
     */
    const foundInFiles = (needles: readonly string[]): string[] =>
      readdirSync(system.folder, { recursive: true, withFileTypes: true })
        .filter(
          (entry) =>
            entry.isFile() &&
            !join(entry.parentPath, entry.name).startsWith(join(system.folder, 'mailbox')),
        )
        .flatMap((entry) =>
          found(needles, readFileSync(join(entry.parentPath, entry.name)), entry.name),
        );

    const foundInMongo = async (needles: readonly string[]): Promise<string[]> => {
      const { MONGODB_URI: uri, MONGODB_DB: dbName, READ_MODELS } = system.env;
      if (READ_MODELS !== 'mongo' || !uri) return [];
      const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
      try {
        const hits: string[] = [];
        for (const { name } of await connection.db!.listCollections().toArray()) {
          const documents = await connection.db!.collection(name).find().toArray();
          hits.push(...found(needles, JSON.stringify(documents), `mongo ${name}`));
        }
        return hits;
      } finally {
        await connection.close();
      }
    };

    /** Every message of every talentloop topic (dead-letter topics too) of the demo's tenant. */
    const foundOnKafka = async (needles: readonly string[]): Promise<string[]> => {
      const brokers =
        system.env['BUS'] === 'kafka' ? system.env['TALENTLOOP_KAFKA_INSPECT_BROKERS'] : undefined;
      if (!brokers) {
        console.warn(
          'Kafka topics SKIPPED: this system runs on the embedded bus (its log file is searched instead)',
        );
        return [];
      }
      const kafka = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith('talentloop.'));
      const ends = new Map<string, bigint>();
      for (const topic of topics)
        for (const { partition, high } of await admin.fetchTopicOffsets(topic))
          if (BigInt(high) > 0n) ends.set(`${topic}/${partition}`, BigInt(high));
      await admin.disconnect();
      const consumer = kafka.consumer({ groupId: `privacy-e2e-${randomUUID()}` });
      const hits: string[] = [];
      const remaining = new Set(ends.keys());
      let searched = 0;
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const at = `${topic}/${partition}`;
          if (BigInt(message.offset) + 1n >= (ends.get(at) ?? 0n)) remaining.delete(at);
          if (message.headers?.['ce_tenantid']?.toString() !== demo.tenantId) return;
          searched++;
          const headers = Object.values(message.headers ?? {})
            .map(String)
            .join('\n');
          hits.push(...found(needles, `${message.value?.toString() ?? ''}\n${headers}`, at));
          await Promise.resolve();
        },
      });
      const deadline = Date.now() + 60_000;
      while (remaining.size > 0 && Date.now() < deadline) await sleep(100);
      await consumer.disconnect();
      expect([...remaining]).toEqual([]);
      expect(searched).toBeGreaterThan(0);
      return hits;
    };
  },
);

interface Export {
  readonly person: unknown;
  readonly goals: { goalId: string; history: { event: string }[] }[];
  readonly assessment: { event: string }[];
  readonly erasure: unknown;
}

/** Which of the texts occur in the haystack, each as `<text> in <where>`. */
const found = (needles: readonly string[], haystack: string | Buffer, where: string): string[] =>
  needles.filter((needle) => haystack.includes(needle)).map((needle) => `${needle} in ${where}`);

/** Probes until the answer is no error; a timeout fails with the last error's message. */
const eventually = async <T>(probe: () => Promise<T | Error>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (!(value instanceof Error)) return value;
    if (Date.now() > deadline)
      throw new Error(`the read sides did not take in the erasure in time:\n${value.message}`);
    await sleep(250);
  }
};
