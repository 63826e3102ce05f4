import { randomUUID } from 'node:crypto';
import {
  UniqueConstraintError,
  UnsupportedQueryError,
  type DocumentQuery,
  type ReadModelStore,
  type StoredDocument,
} from '@talentloop/read-models';

export interface ReadModelStoreUnderTest {
  readonly store: ReadModelStore;
  cleanup(): Promise<void>;
}

interface Person {
  name: string;
  age?: number | null;
  team?: string;
  active?: boolean;
  address?: { city: string };
}

/**
 * The promises of the ReadModelStore port, run against one adapter. Every test works in
 * collections and state keys of its own, so the suite also runs against a shared server.
 */
export function describeReadModelStoreContract(
  name: string,
  factory: () => Promise<ReadModelStoreUnderTest>,
): void {
  describe(`${name} read-model store contract`, () => {
    let underTest: ReadModelStoreUnderTest;
    let store: ReadModelStore;
    let collection: string;

    beforeEach(async () => {
      underTest = await factory();
      store = underTest.store;
      collection = `contract-${randomUUID().slice(0, 8)}`;
    });

    afterEach(async () => {
      await store.dropCollection(collection);
      await underTest.cleanup();
    });

    const insert = (id: string, doc: Person, sources = { store: '1' }) =>
      store.write(collection, [{ id, doc, sources, expectedVersion: 0 }]);

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

    describe('queries', () => {
      const people: Record<string, Person> = {
        ada: { name: 'Ada', age: 36, team: 'core', active: true, address: { city: 'London' } },
        bob: { name: 'Bob', age: 25, team: 'core', active: false, address: { city: 'Paris' } },
        cy: { name: 'Cy', age: null, team: 'edge', active: true },
        dee: { name: 'Dee', team: 'edge', address: { city: 'London' } },
        eve: { name: 'Eve', age: 41, active: true },
        one: { name: 'One', age: 1, team: 'ones' },
      };
      const names = async (query: DocumentQuery) =>
        (await store.find<Person>(collection, query)).map((person) => person.name);
      const sorted = async (query: DocumentQuery) => (await names(query)).sort();

      beforeEach(async () => {
        await store.insertFresh(
          collection,
          Object.entries(people).map(([id, doc]) => ({ id, doc, version: 1, sources: {} })),
        );
      });

      it('finds every document without conditions', async () => {
        expect(await sorted({})).toEqual(['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'One']);
      });

      it('finds documents with their ids, versions and positions, as load gives them', async () => {
        const query: DocumentQuery = { where: { team: 'core' }, sort: { name: -1 } };
        const stored = await store.findStored<Person>(collection, query);
        expect(stored.map((document) => document.doc)).toEqual(
          await store.find<Person>(collection, query),
        );
        const loaded = await store.load<Person>(collection, ['ada', 'bob']);
        expect(stored).toEqual([loaded.get('bob'), loaded.get('ada')]);
        expect(await store.findStored(collection, { limit: 0 })).toEqual([]);
      });

      it('leaves out the top-level fields a query names, and only those', async () => {
        const query: DocumentQuery = {
          where: { team: 'core' },
          sort: { name: 1 },
          without: ['address', 'age'],
        };
        expect(await store.find<Person>(collection, query)).toEqual([
          { name: 'Ada', team: 'core', active: true },
          { name: 'Bob', team: 'core', active: false },
        ]);
        const [ada] = await store.findStored<Person>(collection, query);
        expect(ada).toEqual({
          id: 'ada',
          doc: { name: 'Ada', team: 'core', active: true },
          version: 1,
          sources: {},
        });
        // A field the documents do not have is no error.
        expect(await sorted({ without: ['nickname'] })).toEqual([
          'Ada',
          'Bob',
          'Cy',
          'Dee',
          'Eve',
          'One',
        ]);
      });

      it('pages in id order after a given id, with conditions, and not with a sort', async () => {
        expect(await names({ after: 'bob', limit: 2 })).toEqual(['Cy', 'Dee']);
        expect(await names({ after: 'dee' })).toEqual(['Eve', 'One']);
        expect(await names({ after: 'ada', where: { team: 'edge' } })).toEqual(['Cy', 'Dee']);
        expect(await names({ after: 'one' })).toEqual([]);
        await expect(store.find(collection, { after: 'ada', sort: { name: 1 } })).rejects.toThrow(
          /cannot be combined with sort/,
        );
      });

      it('refuses to leave out a path or an operator', async () => {
        await expect(store.find(collection, { without: ['address.city'] })).rejects.toThrow(
          /cannot leave out/,
        );
        await expect(store.find(collection, { without: ['$where'] })).rejects.toThrow(
          /cannot leave out/,
        );
      });

      it('matches equality on strings, numbers and booleans without mixing types', async () => {
        expect(await sorted({ where: { team: 'core' } })).toEqual(['Ada', 'Bob']);
        expect(await sorted({ where: { age: 36 } })).toEqual(['Ada']);
        expect(await sorted({ where: { active: true } })).toEqual(['Ada', 'Cy', 'Eve']);
        expect(await sorted({ where: { age: 1 } })).toEqual(['One']);
        expect(await sorted({ where: { team: '36' } })).toEqual([]);
      });

      it('matches null against null and missing fields', async () => {
        expect(await sorted({ where: { age: null } })).toEqual(['Cy', 'Dee']);
      });

      it('matches $in over several types, null matching missing', async () => {
        expect(await sorted({ where: { age: { $in: [25, 41, 'Ada'] } } })).toEqual(['Bob', 'Eve']);
        expect(await sorted({ where: { team: { $in: ['edge', null] } } })).toEqual([
          'Cy',
          'Dee',
          'Eve',
        ]);
        expect(await sorted({ where: { active: { $in: [false] } } })).toEqual(['Bob']);
        expect(await sorted({ where: { team: { $in: [] } } })).toEqual([]);
      });

      it('matches $ne including documents that lack the field', async () => {
        expect(await sorted({ where: { team: { $ne: 'core' } } })).toEqual([
          'Cy',
          'Dee',
          'Eve',
          'One',
        ]);
        expect(await sorted({ where: { age: { $ne: null } } })).toEqual([
          'Ada',
          'Bob',
          'Eve',
          'One',
        ]);
        expect(await sorted({ where: { active: { $ne: true } } })).toEqual(['Bob', 'Dee', 'One']);
      });

      it('matches ranges on numbers only against numbers', async () => {
        expect(await sorted({ where: { age: { $gt: 25 } } })).toEqual(['Ada', 'Eve']);
        expect(await sorted({ where: { age: { $gte: 25 } } })).toEqual(['Ada', 'Bob', 'Eve']);
        expect(await sorted({ where: { age: { $lt: 36 } } })).toEqual(['Bob', 'One']);
        expect(await sorted({ where: { age: { $lte: 36, $gt: 1 } } })).toEqual(['Ada', 'Bob']);
        expect(await sorted({ where: { active: { $gte: 0 } } })).toEqual([]);
      });

      it('matches ranges on strings only against strings', async () => {
        expect(await sorted({ where: { name: { $gte: 'C', $lt: 'E' } } })).toEqual(['Cy', 'Dee']);
        expect(await sorted({ where: { age: { $gt: '' } } })).toEqual([]);
      });

      it('matches dotted paths into nested objects', async () => {
        expect(await sorted({ where: { 'address.city': 'London' } })).toEqual(['Ada', 'Dee']);
        expect(await sorted({ where: { 'address.city': null } })).toEqual(['Cy', 'Eve', 'One']);
      });

      it('requires every condition to hold', async () => {
        expect(await sorted({ where: { team: 'core', active: true } })).toEqual(['Ada']);
        expect(await sorted({ where: { team: 'edge', age: { $ne: null } } })).toEqual([]);
      });

      it('sorts ascending with missing and null first, descending with them last', async () => {
        expect(await names({ sort: { age: 1 } })).toEqual([
          'Cy',
          'Dee',
          'One',
          'Bob',
          'Ada',
          'Eve',
        ]);
        expect(await names({ sort: { age: -1 } })).toEqual([
          'Eve',
          'Ada',
          'Bob',
          'One',
          'Cy',
          'Dee',
        ]);
      });

      it('sorts on several keys and breaks ties by id', async () => {
        expect(await names({ where: { team: { $ne: null } }, sort: { team: -1, age: 1 } })).toEqual(
          ['One', 'Cy', 'Dee', 'Bob', 'Ada'],
        );
        expect(await names({ where: { team: 'core' }, sort: { team: 1 } })).toEqual(['Ada', 'Bob']);
      });

      it('pages with skip and limit after sorting', async () => {
        expect(await names({ sort: { name: 1 }, limit: 2 })).toEqual(['Ada', 'Bob']);
        expect(await names({ sort: { name: 1 }, skip: 2, limit: 3 })).toEqual(['Cy', 'Dee', 'Eve']);
        expect(await names({ sort: { name: 1 }, skip: 5 })).toEqual(['One']);
        expect(await names({ sort: { name: 1 }, skip: 9 })).toEqual([]);
        expect(await names({ sort: { name: 1 }, limit: 0 })).toEqual([]);
      });

      it('counts the documents matching conditions', async () => {
        await expect(store.count(collection)).resolves.toBe(6);
        await expect(store.count(collection, { team: 'edge' })).resolves.toBe(2);
        await expect(store.count(collection, { age: { $gte: 25 }, active: true })).resolves.toBe(2);
      });

      it('refuses operators and field names outside the query language', async () => {
        const unsupported = { where: { age: { $regex: 'x' } } } as unknown as DocumentQuery;
        await expect(store.find(collection, unsupported)).rejects.toThrow(UnsupportedQueryError);
        await expect(store.find(collection, { where: { "a'); DROP": 1 } })).rejects.toThrow(
          UnsupportedQueryError,
        );
        await expect(store.find(collection, { limit: -1 })).rejects.toThrow(UnsupportedQueryError);
      });

      it('finds the same through indexes as without', async () => {
        await store.ensureCollection(collection, [
          { fields: { team: 1, age: -1 } },
          { fields: { 'address.city': 1 } },
        ]);
        expect(await names({ where: { team: 'core' }, sort: { age: -1 } })).toEqual(['Ada', 'Bob']);
        expect(await sorted({ where: { 'address.city': 'London' } })).toEqual(['Ada', 'Dee']);
      });
    });

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
  });
}
