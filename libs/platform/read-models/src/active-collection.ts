import type { Projection } from './projection';
import { memoizedRead } from './read-side/read-memo';
import type { DocumentQuery, ReadModelStore } from './read-model-store.port';

/**
 * A projection's documents live in a physical collection `<name>__v<version>__<stamp>`; the
 * state key `active:<name>` names the one that serves reads. A rebuild fills a fresh physical
 * collection and then switches this one pointer, so readers never see a half-built model.
 */
export const activePointerKey = (projectionName: string): string => `active:${projectionName}`;

/** Where the latest rebuild of a projection ended: runners continue from there. */
export const builtKey = (projectionName: string): string => `built:${projectionName}`;

export interface BuiltMark {
  readonly collection: string;
  readonly position: string;
}

/** How long a reader trusts a pointer it read; also the switch visibility window. */
export const DEFAULT_POINTER_TTL_MS = 1000;

/** A collection built by a rebuild at `at`; `at` undefined names the one created empty. */
export const physicalCollectionName = (projection: Projection, at?: Date): string =>
  `${projection.name}__v${projection.version}__${at ? at.toISOString().replace(/[-:.]/g, '') : '0'}`;

export const versionOfPhysical = (physical: string): number | undefined => {
  const match = /__v(\d+)__[0-9TZ]+$/.exec(physical);
  return match ? Number(match[1]) : undefined;
};

export async function readBuiltMark(
  store: ReadModelStore,
  projectionName: string,
): Promise<BuiltMark | undefined> {
  const value = await store.getState(builtKey(projectionName));
  return value === undefined ? undefined : (JSON.parse(value) as BuiltMark);
}

export interface ReadModelReaderOptions {
  /** How long a resolved pointer is reused; DEFAULT_POINTER_TTL_MS by default. */
  readonly pointerTtlMs?: number;
  readonly now?: () => number;
}

/**
 * Queries by projection name. The active collection is resolved through the pointer and
 * cached for pointerTtlMs: for that long after a rebuild switches, a reader may still read
 * the previous collection, which is why a rebuild drops it only after a longer delay.
 */
export class ReadModelReader {
  private readonly pointerTtlMs: number;
  private readonly now: () => number;
  private readonly pointers = new Map<string, { collection?: string; until: number }>();

  constructor(
    private readonly store: ReadModelStore,
    options: ReadModelReaderOptions = {},
  ) {
    this.pointerTtlMs = options.pointerTtlMs ?? DEFAULT_POINTER_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The physical collection serving a projection; undefined before its first build. */
  async activeCollection(projectionName: string): Promise<string | undefined> {
    const cached = this.pointers.get(projectionName);
    const now = this.now();
    if (cached && cached.until > now) return cached.collection;
    const collection = await this.store.getState(activePointerKey(projectionName));
    // A projection not built yet is asked again next time: it may be created any moment.
    if (collection !== undefined)
      this.pointers.set(projectionName, { collection, until: now + this.pointerTtlMs });
    return collection;
  }

  async find<Doc extends object>(projectionName: string, query?: DocumentQuery): Promise<Doc[]> {
    const collection = await this.activeCollection(projectionName);
    return collection === undefined ? [] : this.store.find<Doc>(collection, query);
  }

  async count(projectionName: string, where?: DocumentQuery['where']): Promise<number> {
    const collection = await this.activeCollection(projectionName);
    return collection === undefined ? 0 : this.store.count(collection, where);
  }

  /** One document; read once per unit of work inside `withReadMemo` (see there). */
  get<Doc extends object>(projectionName: string, id: string): Promise<Doc | undefined> {
    return memoizedRead(this, `${projectionName}\u0000${id}`, async () => {
      const collection = await this.activeCollection(projectionName);
      if (collection === undefined) return undefined;
      return (await this.store.load<Doc>(collection, [id])).get(id)?.doc;
    });
  }
}
