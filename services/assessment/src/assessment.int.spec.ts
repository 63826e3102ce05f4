import type { ReceivedEvent } from '@talentloop/contracts';
import { MESSAGE_BUS } from '@talentloop/service-kit';
import { subscribeToEvents, type MessageBus } from '@talentloop/messaging';
import {
  IMPORT_BODY_LIMIT_BYTES,
  IMPORT_ROW_LIMIT,
} from './import-measurements/import-measurements.controller';
import {
  bodyOf,
  employeeBody,
  eventCountOf,
  frameworkBody,
  hr,
  refusedBy,
  startAssessment,
  teamLeadProfile,
  type RunningAssessment,
} from '../testing/assessment-app';

describe('the assessment service over HTTP, on the embedded store', () => {
  let service: RunningAssessment;
  const eventCount = () => eventCountOf(service);
  const json = bodyOf;
  /** The request is refused with this status and stores nothing. */
  const refused = (request: () => Promise<Response>, status: number) =>
    refusedBy(service, request, status);

  beforeAll(async () => {
    service = await startAssessment();
  });
  afterAll(() => service.stop());

  const employee: Caller = { user: 'emp-1', roles: 'employee' };
  const manager: Caller = { user: 'emp-7', roles: 'manager' };
  const csv = [
    'employeeId;competencyId;instrument;aptitude;behaviour;measuredAt;indicator:c1-indicator-1;indicator:c1-indicator-2;indicator:c1-indicator-3;facet:c1-facet',
    'emp-1;competency-1;360-round;78;45;2026-01-12T14:00:00Z;40;71;50;80',
    'emp-1;competency-2;360-round;70;62;2026-01-12T14:00:00Z;;;;',
  ].join('\r\n');

  it('walks framework → role profile → people → baseline → ranked gaps → remeasure → comparison', async () => {
    const framework = await json<{ frameworkVersion: number }>(
      await service.request('POST', '/frameworks/core/versions', frameworkBody(2, 3)),
      201,
    );
    expect(framework.frameworkVersion).toBe(1);

    await json(await service.request('PUT', '/role-profiles/team-lead', teamLeadProfile), 200);

    const synced = await json<{ changed: string[] }>(
      await service.request('POST', '/people/sync', {
        employees: [employeeBody('emp-1', 'emp-7'), employeeBody('emp-7', null)],
      }),
      200,
    );
    expect(synced.changed).toEqual(['emp-1', 'emp-7']);

    const imported = await json<{ recorded: number }>(
      await service.request('POST', '/measurements/imports', csv, hr, 'text/csv'),
      200,
    );
    expect(imported.recorded).toBe(2);

    await json(
      await service.request(
        'PUT',
        '/employees/emp-1/motivations/competency-1',
        { energy: 4 },
        employee,
      ),
      200,
    );

    const report = await json<{
      competencies: { competencyId: string; worthDevelopment: boolean }[];
      ranked: {
        competencyId: string;
        weakestIndicators: { name: string }[];
        priority: { rank: number };
        reasons: unknown[];
      }[];
    }>(await service.request('GET', '/employees/emp-1/gaps', undefined, manager), 200);
    expect(report.competencies.map((gap) => [gap.competencyId, gap.worthDevelopment])).toEqual([
      ['competency-1', true],
      ['competency-2', false],
    ]);
    expect(report.ranked[0]).toMatchObject({
      competencyId: 'competency-1',
      priority: { rank: 1 },
      weakestIndicators: [
        { name: 'Indicator 1 of competency 1' },
        { name: 'Indicator 3 of competency 1' },
      ],
    });
    expect(report.ranked[0]?.reasons).toHaveLength(4);

    const identified = await json<{ identified: { competencyId: string }[] }>(
      await service.request('POST', '/employees/emp-1/gap-analyses'),
      200,
    );
    expect(identified.identified.map((gap) => gap.competencyId)).toEqual(['competency-1']);

    const remeasured = await json<{ comparison: object }>(
      await service.request('POST', '/employees/emp-1/remeasurements', {
        competencyId: 'competency-1',
        instrument: '360-round',
        aptitude: 78,
        behaviour: 58,
        indicatorScores: [{ indicatorId: 'c1-indicator-1', score: 62 }],
        facetScores: [],
        measuredAt: '2026-07-01T10:00:00Z',
      }),
      201,
    );
    expect(remeasured.comparison).toMatchObject({
      sameInstrument: true,
      robustness: 'robust',
      behaviour: { baseline: 45, remeasured: 58, absoluteDelta: 13, relativeDelta: 0.2889 },
      indicators: [
        { indicatorId: 'c1-indicator-1', change: { absoluteDelta: 22, relativeDelta: 0.55 } },
      ],
    });

    const assessment = await json<{ remeasurements: unknown[] }>(
      await service.request('GET', '/employees/emp-1/assessment', undefined, employee),
      200,
    );
    expect(assessment.remeasurements).toHaveLength(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await eventCount();
    const again = await json<{ recorded: number; unchanged: number }>(
      await service.request('POST', '/measurements/imports', csv, hr, 'text/csv'),
      200,
    );
    expect(again).toMatchObject({ recorded: 0, unchanged: 2 });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a whole file with bad rows, listing every one by line and field', async () => {
    const bad = [
      'employeeId,competencyId,instrument,aptitude,behaviour,measuredAt,indicator:c1-indicator-1,indicator:juggling',
      'emp-1,competency-1,assessment,78,45,2026-02-01T10:00:00Z,40,',
      'emp-1,competency-1,assessment,120,45,2026-02-01T10:00:00Z,40,',
      'ghost,competency-1,assessment,70,45,2026-02-01T10:00:00Z,,',
      'emp-1,competency-1,assessment,70,45,2026-02-01T10:00:00Z,,30',
    ].join('\n');
    const problem = await refused(
      () => service.request('POST', '/measurements/imports', bad, hr, 'text/csv'),
      422,
    );
    expect(problem.code).toBe('IMPORT_REJECTED');
    expect(problem.errors?.map(({ line, field }) => [line, field])).toEqual([
      [3, 'aptitude'],
      [4, 'employeeId'],
      [5, 'indicator:juggling'],
    ]);
  });

  it('names every bad row of an import in the language Accept-Language asks for', async () => {
    const bad = [
      'employeeId,competencyId,instrument,aptitude,behaviour,measuredAt,indicator:juggling',
      'emp-1,competency-1,assessment,120,45,2026-02-01T10:00:00Z,',
      'ghost,competency-1,assessment,70,45,2026-02-01T10:00:00Z,',
      'emp-1,competency-1,assessment,70,45,2026-02-01T10:00:00Z,30',
    ].join('\n');
    const problem = await refused(
      async () =>
        fetch(`${service.base}/measurements/imports`, {
          method: 'POST',
          headers: {
            'content-type': 'text/csv',
            'accept-language': 'nl',
            authorization: `Bearer ${await service.token(hr)}`,
          },
          body: bad,
        }),
      422,
    );
    expect(problem).toMatchObject({
      code: 'IMPORT_REJECTED',
      detail: '3 rij(en) zijn ongeldig; er is niets geïmporteerd',
      errors: [
        {
          line: 2,
          field: 'aptitude',
          // The shape check of a single measurement, row by row.
          message: 'aptitude mag niet groter zijn dan 100',
        },
        {
          line: 3,
          field: 'employeeId',
          message: 'medewerker ghost is onbekend; synchroniseer die eerst vanuit het HRIS',
        },
        {
          line: 4,
          field: 'indicator:juggling',
          message: 'indicator juggling is niet gedefinieerd',
        },
      ],
    });
  });

  it('refuses a JSON import naming each bad item by position and field', async () => {
    const problem = await refused(
      () =>
        service.request('POST', '/measurements/imports', [
          measurement,
          { ...measurement, behaviour: -3, instrument: 'horoscope' },
        ]),
      422,
    );
    expect(problem.errors?.map(({ line, field }) => [line, field])).toEqual([
      [2, 'instrument'],
      [2, 'behaviour'],
    ]);
  });

  it.each([
    ['a score above 100', { aptitude: 120 }, 422],
    ['an unknown competency', { competencyId: 'juggling' }, 422],
    ['an unknown indicator', { indicatorScores: [{ indicatorId: 'juggles', score: 40 }] }, 422],
    ['an unknown employee', { employeeId: 'ghost' }, 404],
  ])('refuses a measurement with %s and stores nothing', async (_case, change, status) => {
    await refused(
      () => service.request('POST', '/measurements', { ...measurement, ...change }),
      status,
    );
  });

  it('refuses a role profile weight that is not positive', async () => {
    const problem = await refused(
      () =>
        service.request('PUT', '/role-profiles/analyst', {
          name: 'Analyst',
          frameworkId: 'core',
          requiredCompetencies: [{ competencyId: 'competency-1', requiredLevel: 3, weight: 0 }],
        }),
      422,
    );
    expect(problem.errors?.map((error) => error.field)).toEqual(['requiredCompetencies.0.weight']);
  });

  it('refuses to remeasure a competency that has no baseline', async () => {
    const problem = await refused(
      () =>
        service.request('POST', '/employees/emp-7/remeasurements', {
          ...measurement,
          employeeId: undefined,
        }),
      409,
    );
    expect(problem.code).toBe('NO_BASELINE');
  });

  it('aggregates a 360° round without ever showing a small group or an answer', async () => {
    const answer = (raterId: string, group: string, score: number) => ({
      raterId,
      group,
      indicatorId: 'c2-indicator-1',
      score,
    });
    const response = await service.request('POST', '/employees/emp-1/feedback-rounds', {
      roundId: 'round-1',
      competencyId: 'competency-2',
      closedAt: '2026-03-01T10:00:00Z',
      invitedCount: 6,
      answers: [
        answer('emp-1', 'self', 80),
        answer('emp-7', 'manager', 60),
        answer('peer-1', 'peer', 90),
        answer('peer-2', 'peer', 10),
      ],
    });
    const text = await response.text();
    expect(response.status).toBe(201);
    expect(text).not.toContain('peer-1');
    expect(JSON.parse(text)).toMatchObject({
      competencyScores: [
        { group: 'self', raterCount: 1, score: 80 },
        { group: 'manager', raterCount: 1, score: 60 },
      ],
    });
  });

  it('announces a new manager as a reporting-line change, and ignores an unchanged re-sync', async () => {
    const moved = await json<{ reportingLinesChanged: string[] }>(
      await service.request('POST', '/people/sync', {
        employees: [employeeBody('emp-1', 'emp-9'), employeeBody('emp-7', null)],
      }),
      200,
    );
    expect(moved.reportingLinesChanged).toEqual(['emp-1']);
    const before = await eventCount();
    await service.request('POST', '/people/sync', { employees: [employeeBody('emp-7', null)] });
    expect(await eventCount()).toBe(before);
  });

  it('answers a sync retried with its Idempotency-Key as the first time, changing nothing', async () => {
    const sync = async (key: string, employees: unknown[]) =>
      fetch(`${service.base}/people/sync`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await service.token(hr)}`,
          'idempotency-key': key,
        },
        body: JSON.stringify({ employees }),
      });
    const employees = [employeeBody('emp-retry', null)];
    const first = await sync('sync-retry-1', employees);
    expect(first.status).toBe(200);
    const answer: unknown = await first.json();
    expect(answer).toMatchObject({ changed: ['emp-retry'] });
    const before = await eventCount();

    // The answer was lost; the platform sends the same call again under the same key.
    const retried = await sync('sync-retry-1', employees);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(answer);
    expect(await eventCount()).toBe(before);

    // The same key for another call is a mistake of the caller.
    const reused = await sync('sync-retry-1', [employeeBody('emp-other', null)]);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await eventCount()).toBe(before);
  });

  it('takes a sync of 5,000 people in one call, as the contract allows, and refuses bodies past its size', async () => {
    // Long names and e-mails (about 520 bytes a person, 2.6 MB in all): far past the 100 kB
    // that every other route keeps.
    const person = (index: number) => ({
      ...employeeBody(`bulk-${index}`, null),
      displayName: `Bulk employee ${index} ${'n'.repeat(150)}`,
      departmentName: `Department ${'d'.repeat(150)}`,
    });
    const employees = Array.from({ length: 5000 }, (_, index) => person(index));
    expect(JSON.stringify({ employees }).length).toBeGreaterThan(2_000_000);
    const synced = await json<{ changed: string[] }>(
      await service.request('POST', '/people/sync', { employees }),
      200,
    );
    expect(synced.changed).toHaveLength(5000);

    // Past the route's limit: 413, nothing stored.
    const oversized = await refused(
      () =>
        service.request('POST', '/people/sync', {
          employees: [{ ...person(1), displayName: 'x'.repeat(9_000_000) }],
        }),
      413,
    );
    expect(oversized.code).toBe('ENTITY_TOO_LARGE');
    // Another route keeps the default limit of 100 kB.
    await refused(
      () =>
        service.request('PUT', '/role-profiles/big', {
          name: 'Big',
          frameworkId: 'big',
          requiredCompetencies: [{ competencyId: 'c', requiredLevel: 3, weight: 1 }],
          padding: 'x'.repeat(200_000),
        }),
      413,
    );
  }, 60_000);

  it('refuses an import file past 5 MB with 413 while it arrives, announced or chunked', async () => {
    const row = 'emp-1;competency-1;360-round;78;45;2026-01-12T14:00:00Z;40;71;50;80\r\n';
    const header = csv.split('\r\n')[0] + '\r\n';
    const oversized = header + row.repeat(Math.ceil((6 * 1024 * 1024) / row.length));
    const announced = await refused(
      () => service.request('POST', '/measurements/imports', oversized, hr, 'text/csv'),
      413,
    );
    expect(announced.code).toBe('ENTITY_TOO_LARGE');

    // Without a length: chunks of 64 kB until the limit is passed.
    const chunk = new TextEncoder().encode(row.repeat(Math.ceil(65_536 / row.length)));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      // A file without its header line is refused at once (422), before it grows.
      start: (controller) => controller.enqueue(new TextEncoder().encode(header)),
      pull(controller) {
        if (sent > 7 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const before = await eventCount();
    const chunked = await fetch(`${service.base}/measurements/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await service.token(hr)}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await eventCount()).toBe(before);
  });

  describe('a CSV import, read as it arrives', () => {
    const header =
      'employeeId,competencyId,instrument,aptitude,behaviour,measuredAt,indicator:c2-indicator-1';
    /** A valid measurement of emp-7 on that day of March, with any cells past the header's. */
    const row = (day: number, ...extra: string[]) =>
      [
        'emp-7',
        'competency-2',
        'assessment',
        '60',
        '50',
        `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`,
        '40',
        ...extra,
      ].join(',');
    const file = (...lines: string[]) => lines.join('\r\n') + '\r\n';
    const importing = (body: string) => () =>
      service.request('POST', '/measurements/imports', body, hr, 'text/csv');
    const linesAndFields = (problem: { errors?: { line?: number; field: string }[] }) =>
      problem.errors?.map(({ line, field }) => [line, field]);

    it('refuses a row with an extra, unnamed cell of 1 MB, storing none of the file', async () => {
      const problem = await refused(
        importing(file(header, row(1), row(2, 'x'.repeat(1024 * 1024)))),
        422,
      );
      expect(problem.code).toBe('IMPORT_REJECTED');
      expect(linesAndFields(problem)).toEqual([[3, 'column 8']]);
    });

    it('names a row with a cell past the header along with every other bad row', async () => {
      const problem = await refused(
        importing(file(header, row(3), row(4, 'surplus'), row(5).replace(',60,', ',120,'), row(6))),
        422,
      );
      expect(linesAndFields(problem)).toEqual([
        [3, 'column 8'],
        [4, 'aptitude'],
      ]);
    });

    it.each([
      ['a column it does not know', `${header},behavior`, 'behavior'],
      ['a column named twice', `${header},aptitude`, 'aptitude'],
      ['a column without a name', `${header},`, 'column 8'],
    ])('refuses a header with %s, naming the column', async (_case, columns, field) => {
      const problem = await refused(importing(file(columns, row(7, '55'))), 422);
      expect(problem.code).toBe('IMPORT_REJECTED');
      expect(linesAndFields(problem)).toEqual([[1, field]]);
    });

    it('refuses a file of more rows than an import may hold with 413, however few bytes', async () => {
      const rows = Array.from({ length: IMPORT_ROW_LIMIT + 1 }, () => row(8));
      const body = file(header, ...rows);
      expect(body.length).toBeLessThan(IMPORT_BODY_LIMIT_BYTES);
      const problem = await refused(importing(body), 413);
      expect(problem.code).toBe('TOO_MANY_ROWS');
    });

    it('refuses a streamed file past 5 MB with 413 as it arrives, and answers the next import', async () => {
      // Wide rows (about 200 bytes): the bytes run out before the rows do.
      const wide = `${row(9).replace('emp-7', `emp-${'7'.repeat(150)}`)}\r\n`;
      const chunk = new TextEncoder().encode(wide.repeat(Math.ceil(65_536 / wide.length)));
      expect(IMPORT_BODY_LIMIT_BYTES / wide.length).toBeLessThan(IMPORT_ROW_LIMIT);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode(`${header}\r\n`)),
        pull(controller) {
          if (sent > 6 * 1024 * 1024) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const problem = await refused(
        async () =>
          fetch(`${service.base}/measurements/imports`, {
            method: 'POST',
            headers: {
              'content-type': 'text/csv',
              authorization: `Bearer ${await service.token(hr)}`,
            },
            body,
            duplex: 'half',
          } as RequestInit),
        413,
      );
      expect(problem.code).toBe('ENTITY_TOO_LARGE');
      await json(
        await service.request('POST', '/measurements/imports', file(header), hr, 'text/csv'),
        422,
      );
    });

    it('imports a valid export, and importing it again changes nothing', async () => {
      const valid =
        '\uFEFF' +
        file(
          header,
          '',
          '"emp-7","competency-2","assessment","60","50","2026-03-10T10:00:00Z","40"',
          row(11),
        );
      const before = await eventCount();
      expect(
        await json(
          await service.request('POST', '/measurements/imports', valid, hr, 'text/csv'),
          200,
        ),
      ).toEqual({ rows: 2, recorded: 2, unchanged: 0 });
      expect(await eventCount()).toBe(before + 2);
      expect(
        await json(
          await service.request('POST', '/measurements/imports', valid, hr, 'text/csv'),
          200,
        ),
      ).toEqual({ rows: 2, recorded: 0, unchanged: 2 });
      expect(await eventCount()).toBe(before + 2);
    });
  });

  it('lets only the employee, their manager or HR read the gaps', async () => {
    await refused(
      () =>
        service.request('GET', '/employees/emp-1/gaps', undefined, {
          user: 'emp-2',
          roles: 'employee',
        }),
      403,
    );
  });

  it('publishes its events to the bus, where other services see GapIdentified', async () => {
    const received: ReceivedEvent[] = [];
    const consumer = await subscribeToEvents(service.app.get<MessageBus>(MESSAGE_BUS), {
      groupId: 'assessment-int-test',
      contexts: ['assessment'],
      handler: (event) => {
        received.push(event);
        return Promise.resolve();
      },
    });
    const deadline = Date.now() + 10_000;
    while (!received.some((event) => event.type === 'GapIdentified') && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 20));
    await consumer.stop();
    expect(received.find((event) => event.type === 'GapIdentified')).toMatchObject({
      data: { employeeId: 'emp-1', competencyId: 'competency-1' },
    });
  });
});

type Caller = { user: string; roles: string };
const measurement = {
  employeeId: 'emp-7',
  competencyId: 'competency-1',
  instrument: 'assessment',
  aptitude: 70,
  behaviour: 50,
  indicatorScores: [{ indicatorId: 'c1-indicator-1', score: 40 }],
  facetScores: [],
  measuredAt: '2026-02-01T10:00:00Z',
};
