import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromKafkaRecord, type KafkaRecord } from '@talentloop/contracts';
import { SqliteEventStore, type EventToAppend } from '@talentloop/event-store';
import type { RepublishProgress } from './republish';
import { republish } from './republish';
import { appendMixedHistory } from '../../testing/replay-fixtures';

describe('republish', () => {
  let folder: string;
  let store: SqliteEventStore;
  let history: EventToAppend[];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-republish-'));
    store = new SqliteEventStore({ path: join(folder, 'store.sqlite'), durability: 'normal' });
    history = await appendMixedHistory(store, ['acme', 'big-acme'], 40);
  });

  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const collect = async (range: Partial<Parameters<typeof republish>[0]>) => {
    const sent: KafkaRecord[][] = [];
    const progress: RepublishProgress[] = [];
    const result = await republish({
      store,
      send: (records) => {
        sent.push(records);
        return Promise.resolve();
      },
      tenantId: 'acme',
      after: undefined,
      from: undefined,
      toPosition: undefined,
      types: undefined,
      pageSize: 7,
      onProgress: (p) => progress.push(p),
      ...range,
    });
    return { result, records: sent.flat(), pages: sent.length, progress };
  };

  it("sends the tenant's events in order as binary-mode records keyed by subject", async () => {
    const { result, records, pages, progress } = await collect({});
    const acme = history.filter((event) => event.metadata.tenantId === 'acme');

    const received = records.map((record) => fromKafkaRecord(record));
    expect(received.map((event) => event.id)).toEqual(acme.map((event) => event.id));
    expect(records.every((record) => record.headers['ce_tenantid'] === 'acme')).toBe(true);
    expect(records.every((record) => record.key === record.headers['ce_subject'])).toBe(true);
    expect(pages).toBe(Math.ceil(acme.length / 7));
    expect(result.events).toBe(acme.length);
    expect(result.lastPosition).toBe(received[received.length - 1].globalPosition);
    expect(progress[progress.length - 1]).toMatchObject({ events: acme.length });
  });

  it('stops at --to-position (inclusive) and starts after --after, with types', async () => {
    const all = await store.readAll({ maxCount: 1000, filter: { tenantId: 'acme' } });
    const after = all[3].globalPosition;
    const toPosition = all[20].globalPosition;
    const { records, result } = await collect({ after, toPosition, types: ['CheckInLogged'] });

    const expected = all
      .slice(4, 21)
      .filter((event) => event.type === 'CheckInLogged')
      .map((event) => event.id);
    expect(records.map((record) => fromKafkaRecord(record).id)).toEqual(expected);
    expect(result.events).toBe(expected.length);
  });

  it('sends nothing for a tenant without events', async () => {
    const { result, records } = await collect({ tenantId: 'nobody' });
    expect(records).toEqual([]);
    expect(result).toMatchObject({ events: 0, lastPosition: undefined });
  });
});
