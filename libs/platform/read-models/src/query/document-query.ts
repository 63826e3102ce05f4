import { UnsupportedQueryError } from '../errors';
import type { DocumentQuery, FieldCondition, IndexSpec, Scalar } from '../read-model-store.port';

/** One condition on one field, checked and normalised the same way for both adapters. */
export type Comparison =
  | { readonly op: 'eq' | 'ne'; readonly field: string; readonly value: Scalar }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly Scalar[] }
  | {
      readonly op: 'gt' | 'gte' | 'lt' | 'lte';
      readonly field: string;
      readonly value: string | number;
    };

export interface SortKey {
  readonly field: string;
  readonly direction: 1 | -1;
}

// Names are inlined into SQL (an expression index only serves a query that spells the same
// expression, so paths cannot be bound parameters): only these shapes ever get there.
const collectionPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,119}$/;
const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7}$/;

export function assertCollectionName(collection: string): void {
  if (!collectionPattern.test(collection))
    throw new UnsupportedQueryError(
      `collection name ${JSON.stringify(collection)} must match ${collectionPattern.source}`,
    );
}

export function assertFieldPath(field: string): void {
  if (!fieldPattern.test(field))
    throw new UnsupportedQueryError(
      `field ${JSON.stringify(field)} must be a dotted path of identifiers`,
    );
}

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const assertScalar = (field: string, value: unknown): Scalar => {
  if (!isScalar(value) || (typeof value === 'number' && !Number.isFinite(value)))
    throw new UnsupportedQueryError(
      `${field}: compares only finite numbers, strings, booleans, null`,
    );
  return value;
};

const rangeOperators = { $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' } as const;

const comparisonsOfField = (field: string, condition: FieldCondition): Comparison[] => {
  if (condition === null || typeof condition !== 'object')
    return [{ op: 'eq', field, value: assertScalar(field, condition) }];
  const comparisons: Comparison[] = [];
  for (const [operator, operand] of Object.entries(condition) as [string, unknown][]) {
    if (operand === undefined) continue;
    if (operator === '$in') {
      if (!Array.isArray(operand)) throw new UnsupportedQueryError(`${field}: $in takes an array`);
      comparisons.push({
        op: 'in',
        field,
        values: (operand as unknown[]).map((value) => assertScalar(field, value)),
      });
    } else if (operator === '$ne') {
      comparisons.push({ op: 'ne', field, value: assertScalar(field, operand) });
    } else if (operator in rangeOperators) {
      const value = assertScalar(field, operand);
      if (typeof value !== 'number' && typeof value !== 'string')
        throw new UnsupportedQueryError(`${field}: ${operator} takes a number or a string`);
      comparisons.push({
        op: rangeOperators[operator as keyof typeof rangeOperators],
        field,
        value,
      });
    } else {
      throw new UnsupportedQueryError(`${field}: operator ${operator} is not supported`);
    }
  }
  return comparisons;
};

/** The conditions of a query, validated; all of them must hold. */
export function comparisonsOf(where: DocumentQuery['where']): Comparison[] {
  if (!where) return [];
  return Object.entries(where).flatMap(([field, condition]) => {
    assertFieldPath(field);
    return comparisonsOfField(field, condition);
  });
}

export function sortKeysOf(sort: DocumentQuery['sort']): SortKey[] {
  if (!sort) return [];
  return Object.entries(sort).map(([field, direction]) => {
    assertFieldPath(field);
    if (direction !== 1 && direction !== -1)
      throw new UnsupportedQueryError(`${field}: sort direction must be 1 or -1`);
    return { field, direction };
  });
}

/** A top-level document field a query may leave out: a plain name, never a path or operator. */
const LEFT_OUT_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function assertPaging(query: DocumentQuery): void {
  for (const field of query.without ?? [])
    if (!LEFT_OUT_FIELD.test(field))
      throw new UnsupportedQueryError(`cannot leave out field ${JSON.stringify(field)}`);
  if (query.after !== undefined && Object.keys(query.sort ?? {}).length > 0)
    throw new UnsupportedQueryError('after pages in id order and cannot be combined with sort');
  for (const [name, value] of [
    ['limit', query.limit],
    ['skip', query.skip],
  ] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0))
      throw new UnsupportedQueryError(`${name} must be a non-negative integer`);
  }
}

/** The index's fields, validated, and a name both adapters derive the same way. */
export function indexKeysOf(index: IndexSpec): { name: string; keys: SortKey[] } {
  const keys = sortKeysOf(index.fields);
  if (keys.length === 0) throw new UnsupportedQueryError('an index needs at least one field');
  const name = keys.map((key) => `${key.field}_${key.direction}`).join('__');
  return { name: index.unique ? `${name}__unique` : name, keys };
}
