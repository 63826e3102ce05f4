import {
  UnsupportedQueryError,
  type ReadModelStore,
  type DocumentQuery,
  type StoredDocument,
} from '@talentloop/read-models';
import type { Person, ReadModelStoreContractContext } from './read-model-contract-context';

/** Queries: filters, sorting, paging and projections, and what a store refuses to answer. */
export function describeQueries(the: () => ReadModelStoreContractContext): void {
  let store: ReadModelStore;
  let collection: string;
  beforeEach(() => {
    ({ store, collection } = the());
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

    it('scans a collection page by page as the same query without scan reads it', async () => {
      const scanned: StoredDocument<Person>[] = [];
      for (let after: string | undefined; ; ) {
        const page = await store.findStored<Person>(collection, {
          scan: true,
          limit: 4,
          ...(after === undefined ? {} : { after }),
        });
        scanned.push(...page);
        if (page.length < 4) break;
        after = page.at(-1)?.id;
      }
      expect(scanned).toEqual(await store.findStored<Person>(collection, { after: '' }));
      expect(await names({ scan: true, where: { team: 'edge' }, sort: { name: -1 } })).toEqual([
        'Dee',
        'Cy',
      ]);
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
      expect(await sorted({ where: { age: { $ne: null } } })).toEqual(['Ada', 'Bob', 'Eve', 'One']);
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
      expect(await names({ sort: { age: 1 } })).toEqual(['Cy', 'Dee', 'One', 'Bob', 'Ada', 'Eve']);
      expect(await names({ sort: { age: -1 } })).toEqual(['Eve', 'Ada', 'Bob', 'One', 'Cy', 'Dee']);
    });

    it('sorts on several keys and breaks ties by id', async () => {
      expect(await names({ where: { team: { $ne: null } }, sort: { team: -1, age: 1 } })).toEqual([
        'One',
        'Cy',
        'Dee',
        'Bob',
        'Ada',
      ]);
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
}
