import type { EmployeeFacts } from '@talentloop/analytics-domain';
import { SharedStrings } from './shared-strings';

describe('the strings the facts share', () => {
  it('leaves every value of a document as it was', () => {
    const strings = new SharedStrings();
    const document = JSON.parse(JSON.stringify(facts('emp-1'))) as EmployeeFacts;

    const shared = strings.shareIn(document);

    expect(shared).toBe(document);
    expect(shared).toEqual(facts('emp-1'));
  });

  it('keeps one string per repeated value, not one per document', () => {
    const strings = new SharedStrings();

    for (const employeeId of ['emp-1', 'emp-2', 'emp-3'])
      strings.shareIn(JSON.parse(JSON.stringify(facts(employeeId))) as EmployeeFacts);

    // tenant, department id and name, role, manager, status; instrument, robustness;
    // competency, kind, goal status, cadence, a length; outcome; remeasured robustness
    // ("robust" again), indicator. Ids met once and times are not kept.
    expect(strings.size).toBe(vocabulary.length);
  });

  it('stops keeping new strings once full, and keeps no long ones', () => {
    const strings = new SharedStrings(2);

    expect(strings.share('a')).toBe('a');
    expect(strings.share('b')).toBe('b');
    expect(strings.share('c')).toBe('c');
    expect(strings.share('x'.repeat(SharedStrings.MAX_LENGTH + 1))).toHaveLength(65);
    expect(strings.share(null)).toBeNull();
    expect(strings.size).toBe(2);
  });
});

const vocabulary = [
  'tenant-1',
  'dept-1',
  'Department 1',
  'engineer',
  'mgr-1',
  'active',
  '360-round',
  'robust',
  'collaboration',
  'competency',
  'achieved',
  'weekly',
  'long',
  'approved',
  'collaboration-i1',
];

const facts = (employeeId: string): EmployeeFacts => ({
  tenantId: 'tenant-1',
  employeeId,
  synced: true,
  departmentId: 'dept-1',
  departmentName: 'Department 1',
  roleId: 'engineer',
  managerId: 'mgr-1',
  employmentStatus: 'active',
  erased: false,
  measurements: {
    collaboration: {
      measurementId: `msr-${employeeId}`,
      aptitude: 60,
      behaviour: 40,
      gap: 20,
      instrument: '360-round',
      robustness: 'robust',
      measuredAt: '2026-01-01T00:00:00.000Z',
    },
  },
  goals: {
    [`goal-${employeeId}`]: {
      goalId: `goal-${employeeId}`,
      competencyId: 'collaboration',
      targetKind: 'competency',
      status: 'achieved',
      draftedAt: '2026-01-02T00:00:00.000Z',
      submittedAt: '2026-01-03T00:00:00.000Z',
      activatedAt: '2026-01-04T00:00:00.000Z',
      closedAt: null,
      checkInCadence: 'weekly',
      nextCheckInDueAt: '2026-01-18T00:00:00.000Z',
      checkIns: [
        {
          heldAt: '2026-01-11T00:00:00.000Z',
          dueAt: '2026-01-11T00:00:00.000Z',
          onTime: true,
          outsideExpectedLength: 'long',
        },
      ],
    },
  },
  decisions: [
    {
      requestId: `apr-${employeeId}`,
      goalId: `goal-${employeeId}`,
      outcome: 'approved',
      decidedAt: '2026-01-04T00:00:00.000Z',
      decidedBy: 'mgr-1',
      turnaroundSeconds: 86_400,
    },
  ],
  remeasurements: [
    {
      competencyId: 'collaboration',
      measurementId: `msr-${employeeId}-2`,
      remeasuredAt: '2026-03-01T00:00:00.000Z',
      robustness: 'robust',
      sameInstrument: true,
      behaviourDelta: 5,
      aptitudeDelta: 0,
      indicators: [{ indicatorId: 'collaboration-i1', delta: 5 }],
    },
  ],
  history: [],
});
