import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeReadModelStoreContract } from '@talentloop/testing';
import { EmbeddedReadModelStore } from './embedded-read-model-store';

const temporaryStore = () => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-read-models-'));
  const path = join(folder, 'nested', 'read-models.sqlite');
  const store = new EmbeddedReadModelStore({ path });
  return {
    path,
    store,
    cleanup: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

describeReadModelStoreContract('Embedded (SQLite)', () => Promise.resolve(temporaryStore()));

describe('Embedded read-model store', () => {
  it('keeps its file in WAL mode and indexes fields as json_extract expressions', async () => {
    const { path, store, cleanup } = temporaryStore();
    try {
      await store.ensureCollection('people', [{ fields: { 'address.city': 1, age: -1 } }]);
      const db = new Database(path, { readonly: true });
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        const plan = db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT doc FROM "rm_people" WHERE json_extract(doc, '$.address.city') = 'x'`,
          )
          .all() as { detail: string }[];
        expect(plan.map((step) => step.detail).join(' ')).toContain('USING INDEX');
      } finally {
        db.close();
      }
    } finally {
      await cleanup();
    }
  });

  it('scans through a small page cache and gives the connection its own size back', async () => {
    // Given a store of 2,000 documents of ~1 KB: about 500 pages, more than a scan's cache
    const { store, cleanup } = temporaryStore();
    // The connection itself: its page cache size is per connection, seen by no other.
    const { db } = store as unknown as { db: Database.Database };
    try {
      await store.write(
        'people',
        Array.from({ length: 2_000 }, (_, i) => ({
          id: `p${String(i).padStart(4, '0')}`,
          doc: { name: `Person ${i}`, note: 'x'.repeat(1_000) },
          sources: {},
          expectedVersion: 0,
        })),
      );
      const ownSize = db.pragma('cache_size', { simple: true }) as number;
      const cacheDuringScan: unknown[] = [];
      const pragma = db.pragma.bind(db);
      db.pragma = ((source: string, options?: Database.PragmaOptions) => {
        const answer = pragma(source, options);
        if (source.startsWith('cache_size =')) cacheDuringScan.push(source);
        return answer;
      }) as typeof db.pragma;

      // When it is scanned in pages of 500, and read once without scan
      let read = 0;
      for (let after: string | undefined; ; ) {
        const page = await store.findStored('people', {
          scan: true,
          limit: 500,
          ...(after === undefined ? {} : { after }),
        });
        read += page.length;
        if (page.length < 500) break;
        after = page.at(-1)?.id;
      }
      await store.find('people', { limit: 10 });

      // Then every page ran with a cache of 256 KiB, and the connection has its own size back
      expect(read).toBe(2_000);
      expect(cacheDuringScan).toEqual(
        Array.from({ length: 5 }, () => ['cache_size = -256', `cache_size = ${ownSize}`]).flat(),
      );
      expect(pragma('cache_size', { simple: true })).toBe(ownSize);
      expect(ownSize).toBe(-16_000);
    } finally {
      await cleanup();
    }
  });

  it('checkpoints the WAL in a worker thread, long before SQLite would in a write', async () => {
    // Given a store and the size of its database file
    const { path, store, cleanup } = temporaryStore();
    try {
      await store.ensureCollection('people', []);
      const sizeOf = (file: string) => statSync(file).size;
      const initial = sizeOf(path);

      // When it writes 2,000 documents in 20 writes: a few hundred WAL pages, below SQLite's
      // default auto-checkpoint of 1,000 and far below the store's
      for (let batch = 0; batch < 20; batch++)
        await store.write(
          'people',
          Array.from({ length: 100 }, (_, i) => ({
            id: `p${batch}-${i}`,
            doc: { name: `Person ${batch}-${i}`, note: 'x'.repeat(200) },
            sources: {},
            expectedVersion: 0,
          })),
        );

      // Then only the background checkpointer can have copied them into the database file
      const deadline = Date.now() + 5_000;
      while (sizeOf(path) <= initial && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sizeOf(path)).toBeGreaterThan(initial);
      await expect(store.count('people')).resolves.toBe(2_000);
    } finally {
      await cleanup();
    }
  });

  it('sees what another connection to the same file wrote', async () => {
    const first = temporaryStore();
    const second = new EmbeddedReadModelStore({ path: first.path });
    try {
      await first.store.write('people', [
        { id: 'p1', doc: { name: 'Ada' }, sources: {}, expectedVersion: 0 },
      ]);
      await expect(second.find('people')).resolves.toEqual([{ name: 'Ada' }]);
      await expect(
        second.write('people', [{ id: 'p1', doc: { name: 'x' }, sources: {}, expectedVersion: 0 }]),
      ).resolves.toEqual({ conflicts: ['p1'] });
    } finally {
      await second.close();
      await first.cleanup();
    }
  });
});
