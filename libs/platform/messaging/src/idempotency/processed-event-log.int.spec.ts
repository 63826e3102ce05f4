import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { handleCommand, SqliteEventStore } from '@talentloop/event-store';
import { motivationDecider } from '@talentloop/testing';
import { consumerCommandId, ProcessedEventLog } from './processed-event-log';

describe('the processed-event log', () => {
  let folder: string;
  let db: Database.Database;
  let log: ProcessedEventLog;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-processed-'));
    db = new Database(join(folder, 'read-model.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE plan_counts (employee_id TEXT PRIMARY KEY, plans INTEGER NOT NULL)');
    log = new ProcessedEventLog(db);
  });
  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const countPlan = () => {
    db.prepare(
      "INSERT INTO plan_counts VALUES ('emp-1', 1) ON CONFLICT DO UPDATE SET plans = plans + 1",
    ).run();
    return undefined;
  };
  const plans = () => db.prepare('SELECT plans FROM plan_counts').pluck().get();

  it('applies a redelivered event once', () => {
    expect(log.runOnce('analytics', 'evt-1', countPlan)).toBe(true);
    expect(log.runOnce('analytics', 'evt-1', countPlan)).toBe(false);

    expect(plans()).toBe(1);
  });

  it('keeps consumer groups apart', () => {
    log.runOnce('analytics', 'evt-1', countPlan);
    log.runOnce('planning', 'evt-1', countPlan);

    expect(plans()).toBe(2);
  });

  it('records nothing when the effect fails, so the retry applies it', () => {
    expect(() =>
      log.runOnce('analytics', 'evt-1', () => {
        countPlan();
        throw new Error('read model refused');
      }),
    ).toThrow('read model refused');
    expect(plans()).toBeUndefined();

    expect(log.runOnce('analytics', 'evt-1', countPlan)).toBe(true);
    expect(plans()).toBe(1);
  });

  it('does not accept an async effect, which would outlive the transaction', () => {
    // @ts-expect-error an async effect returns a promise, not undefined
    const typeCheckOnly = () => log.runOnce('analytics', 'evt-1', async () => Promise.resolve());
    expect(typeCheckOnly).toBeInstanceOf(Function);
  });
});

describe('a consumer whose effect is a command', () => {
  it('appends once per event when the command id comes from group and event id', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    const stream = 'assessment.motivation-acme.emp-1';
    const react = () =>
      handleCommand(
        store,
        motivationDecider,
        stream,
        {
          type: 'RecordMotivation',
          data: { employeeId: 'emp-1', competencyId: 'c-1', energy: 4, note: 'again' },
        },
        {
          tenantId: 'acme',
          actorId: 'system-analytics',
          commandId: consumerCommandId('analytics', 'evt-1'),
          now: new Date('2026-03-02T09:00:00.000Z'),
        },
      );

    await react();
    await react();

    expect(await store.readStream(stream)).toHaveLength(1);
    await store.close();
  });
});
