// How a read model's document is stored in MongoDB: the record around it, its source
// positions, and keys that MongoDB could not hold as they are.
import type { SourcePositions } from '../read-model-store.port';

/** How a document is stored: the read model's own fields stay together under `doc`. */
export interface DocumentRecord {
  _id: string;
  /** Version, the compare-and-set token. */
  _v: number;
  /** Source and position pairs: a source names a Kafka topic, whose dots no field name holds. */
  _src: StoredSources;
  /** Token of the write call that wrote this version: lets a batch tell its own writes. */
  _w?: string;
  doc: object;
}

/** Pairs as objects: a source's dots may not name a field, nor nest an array in FerretDB. */
type StoredSources =
  | readonly { readonly source: string; readonly position: string }[]
  | SourcePositions;

export const storedSources = (sources: SourcePositions): StoredSources =>
  Object.entries(sources).map(([source, position]) => ({ source, position }));

/** As stored; documents written before sources became pairs hold a plain object. */
export const sourcesOf = (stored: StoredSources): SourcePositions =>
  Array.isArray(stored)
    ? Object.fromEntries(
        (stored as readonly { source: string; position: string }[]).map(({ source, position }) => [
          source,
          position,
        ]),
      )
    : (stored as SourcePositions);

/**
 * Keys of a document as MongoDB may hold them: a record keyed by ids (competencies, say) can
 * have a key with a dot, which a field name may not hold, or one starting with `$`. Those two
 * characters are stored as their full-width forms and read back as they were; a document with
 * neither is stored as it is, without a copy.
 */
const DOT = '.';
const STORED_DOT = '\uff0e';
const DOLLAR = '$';
const STORED_DOLLAR = '\uff04';

const mapKeys = (
  value: unknown,
  key: (name: string) => string,
  needed: (name: string) => boolean,
): unknown => {
  if (Array.isArray(value))
    return value.some((item) => holdsKey(item, needed))
      ? value.map((item) => mapKeys(item, key, needed))
      : value;
  if (typeof value !== 'object' || value === null || !holdsKey(value, needed)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [key(name), mapKeys(field, key, needed)]),
  );
};

const holdsKey = (value: unknown, needed: (name: string) => boolean): boolean => {
  if (Array.isArray(value)) return value.some((item) => holdsKey(item, needed));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([name, field]) => needed(name) || holdsKey(field, needed));
};

const unsafeKey = (name: string) => name.includes(DOT) || name.startsWith(DOLLAR);
const escapedKey = (name: string) => name.includes(STORED_DOT) || name.startsWith(STORED_DOLLAR);

export const toStoredKeys = <Doc>(doc: Doc): Doc =>
  mapKeys(
    doc,
    (name) => name.split(DOT).join(STORED_DOT).replace(/^\$/, STORED_DOLLAR),
    unsafeKey,
  ) as Doc;

export const fromStoredKeys = <Doc>(doc: Doc): Doc =>
  mapKeys(
    doc,
    (name) =>
      name
        .split(STORED_DOT)
        .join(DOT)
        .replace(new RegExp(`^${STORED_DOLLAR}`), DOLLAR),
    escapedKey,
  ) as Doc;
