import { UniqueConstraintError, type ReadModelStore } from '@talentloop/read-models';
import type { Person, ReadModelStoreContractContext } from './read-model-contract-context';

/** Collections with their indexes, and the key-value state a runner keeps. */
export function describeCollectionsAndState(the: () => ReadModelStoreContractContext): void {
  let store: ReadModelStore;
  let collection: string;
  beforeEach(() => {
    ({ store, collection } = the());
  });
  const insert: ReadModelStoreContractContext['insert'] = (...args) => the().insert(...args);

  describe('collections and indexes', () => {
    it('creates collections and indexes idempotently', async () => {
      const indexes = [{ fields: { team: 1 } }, { fields: { name: 1 }, unique: true }] as const;
      await store.ensureCollection(collection, indexes);
      await store.ensureCollection(collection, indexes);
      await expect(store.count(collection)).resolves.toBe(0);
    });

    it('surfaces a unique index violation as an error and does not store the violator', async () => {
      await store.ensureCollection(collection, [{ fields: { name: 1 }, unique: true }]);
      await insert('p1', { name: 'Ada' });
      await insert('p2', { name: 'Bob' });

      await expect(insert('p3', { name: 'Ada' })).rejects.toThrow(UniqueConstraintError);
      await expect(
        store.write(collection, [
          { id: 'p2', doc: { name: 'Ada' }, sources: {}, expectedVersion: 1 },
        ]),
      ).rejects.toThrow(UniqueConstraintError);
      await expect(
        store.insertFresh(collection, [
          { id: 'p4', doc: { name: 'Bob' }, version: 1, sources: {} },
        ]),
      ).rejects.toThrow(UniqueConstraintError);

      const loaded = await store.load<Person>(collection, ['p1', 'p2', 'p3', 'p4']);
      expect([...loaded.values()].map((d) => `${d.id}:${d.doc.name}`).sort()).toEqual([
        'p1:Ada',
        'p2:Bob',
      ]);
    });

    it('reads a collection never written as empty', async () => {
      const never = `${collection}-never`;
      await expect(store.find(never)).resolves.toEqual([]);
      await expect(store.count(never)).resolves.toBe(0);
      await expect(store.load(never, ['x'])).resolves.toEqual(new Map());
    });

    it('drops a collection with its documents, and drops an absent one quietly', async () => {
      await store.ensureCollection(collection, [{ fields: { name: 1 }, unique: true }]);
      await insert('p1', { name: 'Ada' });

      await store.dropCollection(collection);
      await store.dropCollection(collection);

      await expect(store.count(collection)).resolves.toBe(0);
      await expect(store.load(collection, ['p1'])).resolves.toEqual(new Map());
      await insert('p1', { name: 'Ada again' });
      await expect(store.find<Person>(collection)).resolves.toEqual([{ name: 'Ada again' }]);
    });

    it('keeps collections apart, the same ids included', async () => {
      const other = `${collection}-other`;
      try {
        await insert('p1', { name: 'Ada' });
        await store.write(other, [
          { id: 'p1', doc: { name: 'Other Ada' }, sources: {}, expectedVersion: 0 },
        ]);
        await store.write(collection, [
          { id: 'p1', doc: undefined, sources: {}, expectedVersion: 1 },
        ]);

        await expect(store.count(collection)).resolves.toBe(0);
        await expect(store.find<Person>(other)).resolves.toEqual([{ name: 'Other Ada' }]);
      } finally {
        await store.dropCollection(other);
      }
    });
  });

  describe('state', () => {
    it('reads an unknown key as undefined, then the last value set', async () => {
      const key = `contract:${collection}`;
      await expect(store.getState(key)).resolves.toBeUndefined();
      await store.setState(key, 'one');
      await store.setState(key, 'two');
      await expect(store.getState(key)).resolves.toBe('two');
      await expect(store.getState(`${key}:other`)).resolves.toBeUndefined();
    });
  });
}
