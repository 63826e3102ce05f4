import type { Comparison, SortKey } from '../query/document-query';
import type { DocumentQuery } from '../read-model-store.port';

/** Documents live under `doc`, beside `_id`, `_v` (version) and `_src` (source positions). */
export const documentField = (field: string): string => `doc.${field}`;

type MongoCondition = Record<string, unknown>;

// MongoDB's own operators already have the meaning the port promises (null matches a
// missing field, ranges are type-bracketed), so the translation only moves fields under doc.
const conditionOf = (comparison: Comparison): unknown => {
  switch (comparison.op) {
    case 'eq':
      return comparison.value;
    case 'ne':
      return { $ne: comparison.value };
    case 'in':
      return { $in: comparison.values };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { [`$${comparison.op}`]: comparison.value };
    default: {
      const unreachable: never = comparison;
      return unreachable;
    }
  }
};

export function filterOf(comparisons: readonly Comparison[]): MongoCondition {
  const filter: MongoCondition = {};
  const and: MongoCondition[] = [];
  for (const comparison of comparisons) {
    const field = documentField(comparison.field);
    // A field with several operators keeps them in one object; equality stays a plain value.
    const condition = conditionOf(comparison);
    const existing = filter[field];
    if (existing === undefined) filter[field] = condition;
    else and.push({ [field]: condition });
  }
  return and.length > 0 ? { ...filter, $and: and } : filter;
}

export function sortOf(keys: readonly SortKey[]): Record<string, 1 | -1> {
  const sort: Record<string, 1 | -1> = {};
  for (const key of keys) sort[documentField(key.field)] = key.direction;
  sort['_id'] = 1;
  return sort;
}

/**
 * The projection of a query: `fields` alone, or, when the query leaves document fields out,
 * an exclusion of those and the write token (MongoDB refuses inclusion and exclusion mixed).
 */
export const docProjection = (
  { without = [] }: DocumentQuery,
  fields: Readonly<Record<string, 0 | 1>>,
): Readonly<Record<string, 0 | 1>> => {
  if (without.length === 0) return fields;
  // Plain names only: `assertPaging` refuses anything else before the query runs.
  return { _w: 0, ...Object.fromEntries(without.map((field) => [`doc.${field}`, 0 as const])) };
};
