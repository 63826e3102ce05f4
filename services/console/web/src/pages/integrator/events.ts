/** One CloudEvent of the replay, as the analytics service streams it (NDJSON, one per line). */
export interface ReplayedEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly subject?: string;
  readonly time: string;
  readonly sequence: string;
  readonly data?: unknown;
  readonly [attribute: string]: unknown;
}

/** The events of an NDJSON body, in order; blank lines skipped. */
export const parseNdjson = (body: string): ReplayedEvent[] =>
  body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ReplayedEvent);

/** `talentloop.planning.GoalApproved.v1` → `GoalApproved` (the name the replay filters by). */
export const eventNameOf = (type: string): string => type.split('.').at(-2) ?? type;

/** What the browser filters beyond the replay's own parameters. */
export interface LocalFilter {
  /** The subject (employee or aggregate id), exactly; empty: any. */
  readonly subject: string;
  /** Events recorded before this instant only (ISO); empty: no end. */
  readonly until: string;
}

export const matches = (event: ReplayedEvent, { subject, until }: LocalFilter): boolean =>
  (subject === '' || event.subject === subject) &&
  (until === '' || Date.parse(event.time) < Date.parse(until));

/** Whether a page of `size` events ended the stream (fewer than asked for). */
export const isLastPage = (size: number, asked: number): boolean => size < asked;

/** One row of a schema's table: a data property, its type, whether required, its description. */
export interface SchemaRow {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

type Schema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
};

const typeOf = (schema: Schema): string => {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' | ');
  const type = typeof schema.type === 'string' ? schema.type : (schema.type?.join(' | ') ?? 'any');
  if (type === 'array' && schema.items) return `${typeOf(schema.items)}[]`;
  return type;
};

/**
 * A JSON Schema flattened to one row per property, nested objects (and objects in arrays, as
 * `name[].field`) below their parent, at most `depth` levels deep.
 */
export const schemaRows = (schema: Schema, prefix = '', depth = 4): SchemaRow[] => {
  if (depth === 0 || !schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const row: SchemaRow = {
      path,
      type: typeOf(property),
      required: required.has(name),
      description: property.description ?? '',
    };
    const nested = property.items?.properties
      ? schemaRows(property.items, `${path}[]`, depth - 1)
      : schemaRows(property, path, depth - 1);
    return [row, ...nested];
  });
};
