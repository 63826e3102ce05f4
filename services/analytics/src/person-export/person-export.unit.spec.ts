import type { EventMetadata } from '@talentloop/contracts';
import { isAbout, personExport } from './person-export';

describe('a person’s data export', () => {
  it('groups everything about them: the person, plans, each goal’s whole history, the assessment', () => {
    const theirs = history.filter((event) => isAbout('emp-1001', event));

    const exported = personExport('emp-1001', theirs);

    expect(exported).toEqual({
      employeeId: 'emp-1001',
      person: synced.data,
      plans: [entry(planStarted)],
      goals: [
        { goalId: 'goal-1', history: [entry(checkIn), entry(rejected)] },
        { goalId: 'goal-2', history: [entry(withdrawn)] },
      ],
      assessment: [entry(motivation)],
      erasure: null,
    });
  });

  it('holds nothing about anyone else', () => {
    expect(history.filter((event) => isAbout('emp-1001', event))).not.toContain(colleague);
  });

  it('names the erasure once the person was erased', () => {
    const exported = personExport('emp-1001', [synced, erased]);

    expect(exported.erasure).toEqual(entry(erased));
  });
});

const metadata: EventMetadata = {
  tenantId: 'acme',
  actorId: 'hr-1',
  occurredAt: '2026-03-01T09:00:00.000Z',
  schemaVersion: 1,
};

const event = (type: string, data: Record<string, unknown>) => ({ type, data, metadata });

const entry = (source: ReturnType<typeof event>) => ({
  event: source.type,
  at: metadata.occurredAt,
  by: metadata.actorId,
  data: source.data,
});

const synced = event('EmployeeSynced', { employeeId: 'emp-1001', displayName: 'Sanne de Vries' });
const colleague = event('EmployeeSynced', { employeeId: 'emp-2002', displayName: 'Daan Jansen' });
const planStarted = event('PlanStarted', { planId: 'plan-1', employeeId: 'emp-1001' });
const motivation = event('MotivationRecorded', { employeeId: 'emp-1001', note: 'I want to.' });
const checkIn = event('CheckInLogged', { goalId: 'goal-1', employeeId: 'emp-1001' });
const rejected = event('GoalRejected', { goalId: 'goal-1', employeeId: 'emp-1001' });
const withdrawn = event('GoalWithdrawn', { goalId: 'goal-2', employeeId: 'emp-1001' });
const erased = event('PersonErased', { employeeId: 'emp-1001' });
const reportingLine = event('ReportingLineChanged', { employeeId: 'emp-1001' });

const history = [
  synced,
  colleague,
  planStarted,
  motivation,
  checkIn,
  rejected,
  withdrawn,
  reportingLine,
];
