import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@talentloop/event-store';
import { appendHistory } from './append-history';
import {
  organisationHistory,
  organisationHistoryArray,
  type OrganisationHistoryOptions,
} from './organisation-history';

const options: OrganisationHistoryOptions = {
  tenants: ['acme', 'globex'],
  employees: 40,
  departments: 4,
  targetEvents: 2000,
  seed: 3,
};

type Data = Record<string, unknown> & { employeeId?: string; goalId?: string };
const dataOf = (event: { data: unknown }) => event.data as Data;
const keyOf = (tenantId: string, id: unknown) => `${tenantId}/${String(id)}`;

const readEverything = async (store: SqliteEventStore): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all.at(-1)?.globalPosition, maxCount: 1000 });
    if (page.length === 0) return all;
    all.push(...page);
  }
};

describe('the generated organisation history', () => {
  const history = organisationHistoryArray(options);
  let folder: string;
  let store: SqliteEventStore;
  let recorded: RecordedEvent[];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-organisation-history-'));
    store = new SqliteEventStore({ path: join(folder, 'store.sqlite'), durability: 'normal' });
    // The store validates every event against the contract registry at append.
    await appendHistory(store, organisationHistory(options), { batchSize: 500 });
    recorded = await readEverything(store);
  });

  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is accepted whole by the event store, in generation order', () => {
    expect(history.length).toBeGreaterThan(1600);
    expect(history.length).toBeLessThan(2400);
    expect(recorded.map((event) => event.id)).toEqual(history.map(({ event }) => event.id));
    expect(recorded.map((event) => event.streamName)).toEqual(
      history.map(({ streamName }) => streamName),
    );
  });

  it('is the same for the same seed and differs for another', () => {
    expect(organisationHistoryArray(options)).toEqual(history);
    const other = organisationHistoryArray({ ...options, seed: 4 });
    expect(other.map(({ event }) => event.data)).not.toEqual(
      history.map(({ event }) => event.data),
    );
  });

  it('has the whole mix of a development cycle', () => {
    const types = new Set(history.map(({ event }) => event.type));
    for (const type of [
      'CompetencyFrameworkPublished',
      'RoleProfileDefined',
      'EmployeeSynced',
      'ReportingLineChanged',
      'MeasurementRecorded',
      'GapIdentified',
      'PlanStarted',
      'GoalDrafted',
      'GoalEdited',
      'GoalSubmitted',
      'ApprovalRequested',
      'GoalRejected',
      'GoalApproved',
      'GoalActivated',
      'CheckInLogged',
      'ActionCompleted',
      'GoalAdjusted',
      'Remeasured',
      'GoalEvaluated',
      'GoalWithdrawn',
      'PersonErased',
    ])
      expect(types).toContain(type);
    const datas = (type: string) =>
      history.filter(({ event }) => event.type === type).map(({ event }) => dataOf(event));
    expect(datas('GoalSubmitted').some((data) => data['submissionNumber'] === 2)).toBe(true);
    expect(datas('CheckInLogged').some((data) => data['onTime'] === false)).toBe(true);
    expect(datas('Remeasured').some((data) => data['robustness'] === 'less-robust')).toBe(true);
    const outcomes = new Set(datas('GoalEvaluated').map((data) => data['outcome']));
    expect(outcomes).toEqual(new Set(['achieved', 'partly-achieved', 'not-achieved']));
  });

  it('advances time monotonically per employee', () => {
    const last = new Map<string, string>();
    for (const { subject, event } of history) {
      if (!subject.startsWith('emp-')) continue;
      const key = keyOf(event.metadata.tenantId, subject);
      const previous = last.get(key) ?? '';
      expect(event.metadata.occurredAt >= previous).toBe(true);
      last.set(key, event.metadata.occurredAt);
    }
  });

  it('activates a goal only after its approval, in the global log', () => {
    const approved = new Set<string>();
    let activations = 0;
    for (const event of recorded) {
      const key = keyOf(event.metadata.tenantId, dataOf(event).goalId);
      if (event.type === 'GoalApproved') approved.add(key);
      if (event.type === 'GoalActivated') {
        activations++;
        expect(approved.has(key)).toBe(true);
      }
    }
    expect(activations).toBeGreaterThan(0);
  });

  it('keeps the ids of a cycle consistent across events', () => {
    const submitted = new Map<string, Data>();
    const measurements = new Map<string, Data>();
    for (const { event } of history) {
      const data = dataOf(event);
      const tenantId = event.metadata.tenantId;
      const goal = submitted.get(keyOf(tenantId, data.goalId));
      switch (event.type) {
        case 'MeasurementRecorded':
          measurements.set(keyOf(tenantId, data['measurementId']), data);
          break;
        case 'GoalSubmitted':
          submitted.set(keyOf(tenantId, data.goalId), data);
          break;
        case 'ApprovalRequested':
        case 'GoalApproved':
        case 'GoalRejected':
          expect(goal?.['submissionNumber']).toBe(data['submissionNumber']);
          expect(goal?.employeeId).toBe(data.employeeId);
          break;
        case 'GoalActivated':
          expect(goal?.['planId']).toBe(data['planId']);
          break;
        case 'Remeasured': {
          const baseline = measurements.get(keyOf(tenantId, data['baselineMeasurementId']));
          const remeasure = measurements.get(keyOf(tenantId, data['measurementId']));
          expect(baseline?.['competencyId']).toBe(data['competencyId']);
          expect(remeasure?.['competencyId']).toBe(data['competencyId']);
          expect(baseline?.employeeId).toBe(data.employeeId);
          break;
        }
        case 'GoalEvaluated': {
          const criteria = (goal?.['goal'] as { successCriteria: { criterionId: string }[] })
            .successCriteria;
          expect((data['criteria'] as { criterionId: string }[]).map((c) => c.criterionId)).toEqual(
            criteria.map((c) => c.criterionId),
          );
          break;
        }
      }
    }
  });

  it('reaches a target of 100,000 events over 1,000 employees within 20%', () => {
    let count = 0;
    const employees = new Set<string>();
    for (const batch of organisationHistory({
      employees: 1000,
      departments: 20,
      targetEvents: 100_000,
      seed: 11,
    }))
      for (const { subject } of batch) {
        count++;
        if (subject.startsWith('emp-')) employees.add(subject);
      }
    expect(count).toBeGreaterThanOrEqual(80_000);
    expect(count).toBeLessThanOrEqual(120_000);
    expect(employees.size).toBe(1000);
  });
});
