import {
  bodyOf,
  employeeBody,
  eventCountOf,
  frameworkBody,
  refusedBy,
  startAssessment,
  teamLeadProfile,
  type Caller,
  type RunningAssessment,
} from '../testing/assessment-app';

/** The manager in execution: an observation of their report, over HTTP on a real app. */
describe("a manager's observation of their report", () => {
  let service: RunningAssessment;
  const manager: Caller = { user: 'emp-7', roles: 'manager' };
  const observations = '/employees/emp-1/observations';
  const observed = {
    competencyId: 'competency-1',
    behaviour: 58,
    indicatorScores: [{ indicatorId: 'c1-indicator-1', score: 60 }],
    observedAt: '2026-06-15T09:00:00Z',
  };

  const eventCount = () => eventCountOf(service);
  const observe = (body: object, caller = manager) =>
    service.request('POST', observations, body, caller);
  const json = bodyOf;
  const refused = (request: () => Promise<Response>, status: number) =>
    refusedBy(service, request, status);

  beforeAll(async () => {
    service = await startAssessment();
    await json(
      await service.request('POST', '/frameworks/core/versions', frameworkBody(2, 3)),
      201,
    );
    await json(await service.request('PUT', '/role-profiles/team-lead', teamLeadProfile), 200);
    await json(
      await service.request('POST', '/people/sync', {
        employees: [
          employeeBody('emp-1', 'emp-7'),
          employeeBody('emp-7', null),
          employeeBody('emp-8', null),
        ],
      }),
      200,
    );
    await json(
      await service.request('POST', '/measurements', {
        employeeId: 'emp-1',
        competencyId: 'competency-1',
        instrument: '360-round',
        aptitude: 78,
        behaviour: 45,
        indicatorScores: [{ indicatorId: 'c1-indicator-1', score: 40 }],
        facetScores: [{ facetId: 'c1-facet', score: 80 }],
        measuredAt: '2026-01-12T14:00:00Z',
      }),
      201,
    );
  });
  afterAll(() => service.stop());

  it('is recorded as a less robust measurement of behaviour, keeping the measured aptitude', async () => {
    const { measurement } = await json<{ measurement: Record<string, unknown> }>(
      await observe({ ...observed, recordAs: 'measurement' }),
      201,
    );

    expect(measurement).toMatchObject({
      employeeId: 'emp-1',
      instrument: 'manager-observation',
      robustness: 'less-robust',
      behaviour: 58,
      aptitude: 78,
      facetScores: [{ facetId: 'c1-facet', score: 80 }],
      measuredAt: '2026-06-15T09:00:00Z',
    });
    // The same observation again is a retry: nothing more is recorded.
    const before = await eventCount();
    await json(await observe({ ...observed, recordAs: 'measurement' }), 201);
    expect(await eventCount()).toBe(before);
  });

  it('serves as the remeasurement, compared with the latest measurement, less robust', async () => {
    const { comparison } = await json<{ comparison: Record<string, unknown> }>(
      await observe({ ...observed, behaviour: 62, recordAs: 'remeasurement' }),
      201,
    );

    expect(comparison).toMatchObject({
      employeeId: 'emp-1',
      competencyId: 'competency-1',
      robustness: 'less-robust',
      behaviour: { remeasured: 62 },
      aptitude: { absoluteDelta: 0 },
    });
  });

  it('is refused to the employee, to another manager and to a colleague (403)', async () => {
    const body = { ...observed, recordAs: 'measurement' };
    for (const caller of [
      { user: 'emp-1', roles: 'employee,manager' },
      { user: 'emp-8', roles: 'manager' },
      { user: 'emp-2', roles: 'employee' },
    ])
      await refused(() => observe(body, caller), 403);
  });

  it('needs a measured aptitude on the competency (422 APTITUDE_UNKNOWN)', async () => {
    const problem = await refused(
      () =>
        observe({
          ...observed,
          competencyId: 'competency-2',
          indicatorScores: [],
          recordAs: 'measurement',
        }),
      422,
    );
    expect(problem.code).toBe('APTITUDE_UNKNOWN');
  });

  it.each([
    ['an aptitude score', { ...observed, aptitude: 70, recordAs: 'measurement' }],
    ['a behaviour over 100', { ...observed, behaviour: 101, recordAs: 'measurement' }],
    ['no recordAs', observed],
    ['an unknown recordAs', { ...observed, recordAs: 'baseline' }],
    [
      'an indicator of another competency',
      {
        ...observed,
        indicatorScores: [{ indicatorId: 'c2-indicator-1', score: 50 }],
        recordAs: 'measurement',
      },
    ],
  ])('with %s is refused with 422, storing nothing', async (_, body) => {
    await refused(() => observe(body), 422);
  });
});
