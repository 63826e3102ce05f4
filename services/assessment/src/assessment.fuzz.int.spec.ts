import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE } from '@talentloop/service-kit';
import { expectRefusedWithoutEvent, fuzzEndpoints } from '@talentloop/testing';
import {
  employeeBody,
  frameworkBody,
  hr,
  startAssessment,
  type Caller,
  type RunningAssessment,
} from '../testing/assessment-app';

const admin: Caller = { user: 'admin-1', roles: 'admin' };
const integrator: Caller = { user: 'integrator-1', roles: 'integrator' };
const employee: Caller = { user: 'emp-1', roles: 'employee' };
const manager: Caller = { user: 'emp-7', roles: 'manager' };

describe('the assessment service, given invalid bodies, ids, query strings and headers', () => {
  let service: RunningAssessment;

  const expectStatus = async (response: Promise<Response>, status: number) => {
    const answer = await response;
    if (answer.status !== status)
      throw new Error(`expected ${status}, got ${answer.status}: ${await answer.text()}`);
  };

  beforeAll(async () => {
    service = await startAssessment();
    await expectStatus(
      service.request('POST', '/frameworks/core/versions', frameworkBody(2, 3)),
      201,
    );
    await expectStatus(
      service.request('PUT', '/role-profiles/team-lead', {
        name: 'Team lead',
        frameworkId: 'core',
        requiredCompetencies: [{ competencyId: 'competency-1', requiredLevel: 4, weight: 40 }],
      }),
      200,
    );
    await expectStatus(
      service.request('POST', '/people/sync', {
        employees: [employeeBody('emp-1', 'emp-7'), employeeBody('emp-7', null)],
      }),
      200,
    );
    await expectStatus(
      service.request('POST', '/measurements', {
        employeeId: 'emp-1',
        competencyId: 'competency-1',
        instrument: '360-round',
        aptitude: 78,
        behaviour: 45,
        indicatorScores: [{ indicatorId: 'c1-indicator-1', score: 40 }],
        facetScores: [],
        measuredAt: '2026-01-12T14:00:00Z',
      }),
      201,
    );
    await expectStatus(service.request('POST', '/employees/emp-1/gap-analyses'), 200);
  });

  afterAll(() => service.stop());

  it('answers every route below 500, as problem details without internals, and writes no event', async () => {
    const report = await fuzzEndpoints(
      {
        app: service.app,
        store: service.app.get<EventStore>(EVENT_STORE),
        identify: async (caller: Caller) => ({
          authorization: `Bearer ${await service.token(caller)}`,
        }),
      },
      {
        callers: [hr, admin, integrator, employee, manager],
        knownIds: {
          frameworkId: ['core'],
          version: ['1'],
          roleId: ['team-lead'],
          employeeId: ['emp-1', 'emp-7'],
          competencyId: ['competency-1'],
        },
      },
    );
    // Cases got past authentication into validation, not only refused at the door.
    expect(report.byStatus[422]).toBeGreaterThan(0);
  });

  // What the fuzzer found, kept as fixed examples.
  describe('regressions', () => {
    const store = () => service.app.get<EventStore>(EVENT_STORE);

    it('given an empty array in place of a competency, answers 422 (was a TypeError, a 500)', () =>
      expectRefusedWithoutEvent(
        store(),
        () =>
          service.request('POST', '/frameworks/core/versions', {
            name: 'Core competencies',
            language: 'en',
            competencies: [[]],
          }),
        422,
      ));

    it('given an empty array in place of an employee, answers 422 before any event is built', () =>
      expectRefusedWithoutEvent(
        store(),
        () => service.request('POST', '/people/sync', { employees: [[]] }),
        422,
      ));
  });
});
