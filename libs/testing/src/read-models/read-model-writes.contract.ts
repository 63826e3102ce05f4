import type { ReadModelStore, StoredDocument } from '@talentloop/read-models';
import type { Person, ReadModelStoreContractContext } from './read-model-contract-context';

/** Writes guarded by version and source positions, and the fresh inserts of a rebuild. */
export function describeGuardedWrites(the: () => ReadModelStoreContractContext): void {
  let store: ReadModelStore;
  let collection: string;
  beforeEach(() => {
    ({ store, collection } = the());
  });
  const insert: ReadModelStoreContractContext['insert'] = (...args) => the().insert(...args);

  describe('guarded writes', () => {
    it('stores a new document at version 1 with its source positions', async () => {
      await expect(insert('p1', { name: 'Ada' }, { store: '7' })).resolves.toEqual({
        conflicts: [],
      });

      const loaded = await store.load<Person>(collection, ['p1', 'unknown']);
      expect([...loaded.keys()]).toEqual(['p1']);
      expect(loaded.get('p1')).toEqual({
        id: 'p1',
        doc: { name: 'Ada' },
        version: 1,
        sources: { store: '7' },
      });
    });

    it('keeps keys with dots and a leading $ as they are (records keyed by ids)', async () => {
      const doc = { name: 'Ada', scores: { 'team.lead': 1, $weird: { 'a.b': [{ 'c.d': 2 }] } } };
      await store.write(collection, [{ id: 'p1', doc, sources: {}, expectedVersion: 0 }]);

      expect((await store.load(collection, ['p1'])).get('p1')?.doc).toEqual(doc);
      expect(await store.find(collection, { where: { name: 'Ada' } })).toEqual([doc]);
    });

    it('replaces a document at the version it was loaded with, incrementing the version', async () => {
      await insert('p1', { name: 'Ada' });
      // A Kafka source names its topic, dots and all.
      const sources = { store: '1', 'kafka:talentloop.planning.events.v1:0': '4' };

      const outcome = await store.write(collection, [
        { id: 'p1', doc: { name: 'Ada L.' }, sources, expectedVersion: 1 },
      ]);

      expect(outcome.conflicts).toEqual([]);
      expect((await store.load(collection, ['p1'])).get('p1')).toEqual({
        id: 'p1',
        doc: { name: 'Ada L.' },
        version: 2,
        sources,
      });
    });

    it('reports a stale expected version as a conflict and writes nothing for it', async () => {
      await insert('p1', { name: 'Ada' });
      await store.write(collection, [
        { id: 'p1', doc: { name: 'second' }, sources: {}, expectedVersion: 1 },
      ]);

      const outcome = await store.write(collection, [
        { id: 'p1', doc: { name: 'stale' }, sources: {}, expectedVersion: 1 },
      ]);

      expect(outcome.conflicts).toEqual(['p1']);
      expect((await store.load<Person>(collection, ['p1'])).get('p1')).toMatchObject({
        doc: { name: 'second' },
        version: 2,
      });
    });

    it('reports expected version 0 on an existing document as a conflict', async () => {
      await insert('p1', { name: 'Ada' });

      const outcome = await insert('p1', { name: 'again' });

      expect(outcome.conflicts).toEqual(['p1']);
      expect((await store.load<Person>(collection, ['p1'])).get('p1')?.doc.name).toBe('Ada');
    });

    it('reports a version above the stored one, and one of a missing document, as conflicts', async () => {
      await insert('p1', { name: 'Ada' });

      const outcome = await store.write(collection, [
        { id: 'p1', doc: { name: 'ahead' }, sources: {}, expectedVersion: 5 },
        { id: 'missing', doc: { name: 'x' }, sources: {}, expectedVersion: 1 },
      ]);

      expect([...outcome.conflicts].sort()).toEqual(['missing', 'p1']);
      expect((await store.load(collection, ['missing'])).size).toBe(0);
    });

    it('writes the rest of a batch when some of its documents conflict', async () => {
      await insert('p1', { name: 'Ada' });
      await insert('p2', { name: 'Bob' });

      const outcome = await store.write(collection, [
        { id: 'p1', doc: { name: 'Ada 2' }, sources: {}, expectedVersion: 1 },
        { id: 'p2', doc: { name: 'Bob stale' }, sources: {}, expectedVersion: 3 },
        { id: 'p3', doc: { name: 'Cy' }, sources: {}, expectedVersion: 0 },
        { id: 'p1-twin', doc: { name: 'Twin' }, sources: {}, expectedVersion: 0 },
      ]);

      expect(outcome.conflicts).toEqual(['p2']);
      const loaded = await store.load<Person>(collection, ['p1', 'p2', 'p3', 'p1-twin']);
      expect([...loaded.values()].map((d) => [d.id, d.doc.name, d.version]).sort()).toEqual([
        ['p1', 'Ada 2', 2],
        ['p1-twin', 'Twin', 1],
        ['p2', 'Bob', 1],
        ['p3', 'Cy', 1],
      ]);
    });

    it('deletes a document at its loaded version and refuses a stale delete', async () => {
      await insert('p1', { name: 'Ada' });
      await insert('p2', { name: 'Bob' });

      const outcome = await store.write(collection, [
        { id: 'p1', doc: undefined, sources: {}, expectedVersion: 1 },
        { id: 'p2', doc: undefined, sources: {}, expectedVersion: 9 },
      ]);

      expect(outcome.conflicts).toEqual(['p2']);
      expect([...(await store.load(collection, ['p1', 'p2'])).keys()]).toEqual(['p2']);
      await expect(store.count(collection)).resolves.toBe(1);
    });

    it('treats a delete at version 0 as "must not exist"', async () => {
      await insert('p1', { name: 'Ada' });

      const outcome = await store.write(collection, [
        { id: 'p1', doc: undefined, sources: {}, expectedVersion: 0 },
        { id: 'never', doc: undefined, sources: {}, expectedVersion: 0 },
      ]);

      expect(outcome.conflicts).toEqual(['p1']);
      await expect(store.count(collection)).resolves.toBe(1);
    });

    it('accepts an empty batch', async () => {
      await expect(store.write(collection, [])).resolves.toEqual({ conflicts: [] });
    });
  });

  describe('fresh inserts for rebuilds', () => {
    it('stores documents as given, versions and positions included', async () => {
      const documents: StoredDocument[] = Array.from({ length: 2500 }, (_, i) => ({
        id: `d${i}`,
        doc: { name: `n${i}`, age: i },
        version: 1 + (i % 3),
        sources: { store: String(i) },
      }));

      await store.insertFresh(collection, documents);

      await expect(store.count(collection)).resolves.toBe(2500);
      const loaded = await store.load(collection, ['d0', 'd1', 'd2499']);
      expect(loaded.get('d2499')).toEqual(documents[2499]);
      expect(loaded.get('d1')?.version).toBe(2);
    });

    it('refuses an id that already exists', async () => {
      await insert('p1', { name: 'Ada' });
      await expect(
        store.insertFresh(collection, [
          { id: 'p1', doc: { name: 'dup' }, version: 1, sources: {} },
        ]),
      ).rejects.toThrow();
      expect((await store.load<Person>(collection, ['p1'])).get('p1')?.doc.name).toBe('Ada');
    });
  });
}
