/**
 * Where an event came from, for the exactly-once guard of projections. Positions are only
 * ordered inside one source: a Kafka partition (`kafka:<topic>:<partition>`, offset) or the
 * event store's global log (`store`, global position). A document remembers, per source,
 * the last position applied to it, so a redelivered event changes nothing even when the
 * document aggregates events from many partitions.
 */
export type SourcePositions = Readonly<Record<string, string>>;

export interface StoredDocument<Doc extends object = object> {
  readonly id: string;
  readonly doc: Doc;
  /** Increments on every write; the optimistic-concurrency token. */
  readonly version: number;
  readonly sources: SourcePositions;
}

export interface DocumentWrite<Doc extends object = object> {
  readonly id: string;
  /** The new document; undefined deletes it. */
  readonly doc: Doc | undefined;
  readonly sources: SourcePositions;
  /** The version that was loaded (0: the document must not exist yet). */
  readonly expectedVersion: number;
}

export interface WriteOutcome {
  /** Ids whose expected version no longer held: nothing was written for them. */
  readonly conflicts: readonly string[];
}

export type Scalar = string | number | boolean | null;

/**
 * A field condition: equality, or a small set of operators both adapters implement, with
 * MongoDB's meaning: `null` (in equality and `$in`) also matches a missing field, `$ne`
 * matches a missing field, and a range bound (number or string only) matches values of its
 * own type only. Compared fields hold scalars; arrays are not matched element-wise.
 */
export type FieldCondition =
  | Scalar
  | {
      readonly $in?: readonly Scalar[];
      readonly $ne?: Scalar;
      readonly $gt?: Scalar;
      readonly $gte?: Scalar;
      readonly $lt?: Scalar;
      readonly $lte?: Scalar;
    };

/** Sorting puts missing and null first (ascending); ties are broken by document id. */
export interface DocumentQuery {
  /** Conditions on (dotted) document fields, all of which must hold. */
  readonly where?: Readonly<Record<string, FieldCondition>>;
  readonly sort?: Readonly<Record<string, 1 | -1>>;
  readonly limit?: number;
  readonly skip?: number;
  /**
   * Top-level fields the answer leaves out, dropped by the store before the documents are
   * sent or parsed: for a reader that never needs a large part (analytics' facts without
   * their histories). Names only, no dots.
   */
  readonly without?: readonly string[];
  /**
   * Only documents whose id sorts after this one, in id order: keyset paging with `limit`
   * (each page costs the same however deep; `skip` does not). Not with `sort`.
   */
  readonly after?: string;
  /**
   * The reader goes through much of the collection once (a view loading it whole at start):
   * the store keeps none of its pages for later reads. Embedded: the query runs with a small
   * page cache, where it would fill the connection's 16 MiB cache for good (memory that SQLite
   * gives back is not given back to the system). MongoDB: the server's cache is its own; no
   * difference.
   */
  readonly scan?: boolean;
}

export interface IndexSpec {
  readonly fields: Readonly<Record<string, 1 | -1>>;
  readonly unique?: boolean;
}

/**
 * Storage of read models: collections of JSON documents with versioned, guarded writes,
 * simple queries and a small key-value area for checkpoints and active-collection pointers.
 * Adapters: MongoDB (mongoose) and the embedded store; one contract suite for both
 * (libs/testing/src/read-models/). Writing to a collection creates it; reading one that does
 * not exist finds nothing.
 */
export interface ReadModelStore {
  ensureCollection(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  load<Doc extends object>(
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument<Doc>>>;
  /** Writes each document whose expected version holds; reports the others as conflicts. */
  write(collection: string, writes: readonly DocumentWrite[]): Promise<WriteOutcome>;
  /**
   * Fast path for rebuilds into a fresh collection that nobody else writes: no version checks.
   * An id that already exists fails the call.
   */
  insertFresh(collection: string, documents: readonly StoredDocument[]): Promise<void>;
  find<Doc extends object>(collection: string, query?: DocumentQuery): Promise<Doc[]>;
  /** As find, with each document's id, version and source positions (what load gives). */
  findStored<Doc extends object>(
    collection: string,
    query?: DocumentQuery,
  ): Promise<StoredDocument<Doc>[]>;
  count(collection: string, where?: DocumentQuery['where']): Promise<number>;
  dropCollection(collection: string): Promise<void>;
  getState(key: string): Promise<string | undefined>;
  setState(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
