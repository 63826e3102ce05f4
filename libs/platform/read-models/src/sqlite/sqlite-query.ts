import type { Comparison, SortKey } from '../query/document-query';
import type { Scalar } from '../read-model-store.port';

export interface SqlCondition {
  readonly sql: string;
  readonly parameters: readonly (string | number)[];
}

/** `json_extract(doc, '$.a.b')`: the exact spelling the expression indexes use. */
export const fieldExpression = (field: string): string => `json_extract(doc, '$.${field}')`;
const typeExpression = (field: string): string => `json_type(doc, '$.${field}')`;

// json_extract turns JSON true/false into 1/0, so numbers and booleans are told apart by
// json_type: MongoDB never matches a boolean against a number.
const numberType = (field: string) => `${typeExpression(field)} IN ('integer', 'real')`;

/** 1 when the field equals the value, 0 or NULL otherwise (MongoDB's equality on scalars). */
const equality = (field: string, value: Scalar): SqlCondition => {
  if (value === null) return { sql: `${fieldExpression(field)} IS NULL`, parameters: [] };
  if (typeof value === 'boolean')
    return { sql: `${typeExpression(field)} = '${value ? 'true' : 'false'}'`, parameters: [] };
  if (typeof value === 'number')
    return { sql: `(${fieldExpression(field)} = ? AND ${numberType(field)})`, parameters: [value] };
  return { sql: `${fieldExpression(field)} = ?`, parameters: [value] };
};

const membership = (field: string, values: readonly Scalar[]): SqlCondition => {
  if (values.length === 0) return { sql: '0', parameters: [] };
  const strings = values.filter((value): value is string => typeof value === 'string');
  const numbers = values.filter((value): value is number => typeof value === 'number');
  const alternatives: SqlCondition[] = [];
  const placeholders = (count: number) => new Array<string>(count).fill('?').join(', ');
  if (strings.length > 0)
    alternatives.push({
      sql: `${fieldExpression(field)} IN (${placeholders(strings.length)})`,
      parameters: strings,
    });
  if (numbers.length > 0)
    alternatives.push({
      sql: `(${fieldExpression(field)} IN (${placeholders(numbers.length)}) AND ${numberType(field)})`,
      parameters: numbers,
    });
  for (const value of new Set(values.filter((v) => v === null || typeof v === 'boolean')))
    alternatives.push(equality(field, value));
  return {
    sql: `(${alternatives.map((alternative) => alternative.sql).join(' OR ')})`,
    parameters: alternatives.flatMap((alternative) => alternative.parameters),
  };
};

const rangeSql = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function conditionOf(comparison: Comparison): SqlCondition {
  const { field } = comparison;
  switch (comparison.op) {
    case 'eq':
      return equality(field, comparison.value);
    case 'ne': {
      const equal = equality(field, comparison.value);
      return { sql: `(${equal.sql}) IS NOT 1`, parameters: equal.parameters };
    }
    case 'in':
      return membership(field, comparison.values);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const type =
        typeof comparison.value === 'number'
          ? numberType(field)
          : `${typeExpression(field)} = 'text'`;
      return {
        sql: `(${fieldExpression(field)} ${rangeSql[comparison.op]} ? AND ${type})`,
        parameters: [comparison.value],
      };
    }
    default: {
      const unreachable: never = comparison;
      return unreachable;
    }
  }
}

/** WHERE clause (with a leading ` WHERE`) for comparisons that must all hold. */
export function whereOf(comparisons: readonly Comparison[]): SqlCondition {
  if (comparisons.length === 0) return { sql: '', parameters: [] };
  const conditions = comparisons.map(conditionOf);
  return {
    sql: ` WHERE ${conditions.map((condition) => condition.sql).join(' AND ')}`,
    parameters: conditions.flatMap((condition) => condition.parameters),
  };
}

/** ORDER BY with the id last, so paging through ties is stable. */
export function orderOf(keys: readonly SortKey[]): string {
  const terms = keys.map(
    (key) => `${fieldExpression(key.field)} ${key.direction === 1 ? 'ASC' : 'DESC'}`,
  );
  return ` ORDER BY ${[...terms, 'id ASC'].join(', ')}`;
}
