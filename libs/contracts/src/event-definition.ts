import type { Static, TObject } from '@sinclair/typebox';

/** The bounded contexts that own events; each has its own stream prefix and CloudEvents types. */
export const boundedContexts = [
  'assessment',
  'planning',
  'approval',
  'identity',
  'notifications',
] as const;
export type BoundedContext = (typeof boundedContexts)[number];

export const isBoundedContext = (value: string): value is BoundedContext =>
  (boundedContexts as readonly string[]).includes(value);

/**
 * The contexts whose events are the public interface: relayed to the bus (one topic each) and
 * described in the AsyncAPI document. Of `notifications` only the delivery events go out: its
 * other events (webhook subscriptions with their signing secrets, preferences, HR contacts) are
 * `internal` and stay in its store (see publishedAggregates). Adding a context or an event here
 * is adding a public contract, which cannot be taken back.
 */
export const publishedContexts = [
  'assessment',
  'planning',
  'approval',
  'identity',
  'notifications',
] as const satisfies readonly BoundedContext[];
export type PublishedContext = (typeof publishedContexts)[number];

export const isPublishedContext = (value: string): value is PublishedContext =>
  (publishedContexts as readonly string[]).includes(value);

/**
 * One published event at one version. The TypeScript type of its data is derived from
 * the JSON Schema (`Static<Schema>`), so the two cannot drift.
 */
export interface EventDefinition<
  Name extends string = string,
  Version extends number = number,
  Schema extends TObject = TObject,
> {
  readonly context: BoundedContext;
  readonly name: Name;
  readonly version: Version;
  readonly description: string;
  readonly schema: Schema;
  /**
   * The CloudEvents `subject` and the bus key: the employee (or aggregate) the event is about.
   * Method syntax on purpose: it lets a specific definition stand in a list of `EventDefinition`.
   */
  subjectOf(data: Static<Schema>): string;
  /** A valid example; used by tests and the AsyncAPI document. */
  readonly example: Static<Schema>;
  /**
   * Kept in its context's event store: never relayed to the bus, replayed to integrators,
   * delivered to webhooks or described in the AsyncAPI document. Its streams are outside the
   * context's published aggregates.
   */
  readonly internal?: true;
}

/** Whether integrators see the event: its context is published and it is not internal. */
export const isPublishedDefinition = (definition: EventDefinition): boolean =>
  isPublishedContext(definition.context) && definition.internal !== true;

export const defineEvent = <Name extends string, Version extends number, Schema extends TObject>(
  definition: EventDefinition<Name, Version, Schema>,
): EventDefinition<Name, Version, Schema> => definition;

/** The data type of an event definition. */
export type EventData<Definition> =
  Definition extends EventDefinition<string, number, infer Schema> ? Static<Schema> : never;

/** `{ type, data }` for an event definition: what deciders emit and evolve on. */
export type EventOf<Definition> =
  Definition extends EventDefinition<infer Name, number, infer Schema>
    ? { readonly type: Name; readonly data: Static<Schema> }
    : never;

/**
 * Turns the data of one version into the data of the next. Registered per (name, from
 * version); reading a stored old event applies the chain up to the current version.
 */
export interface Upcaster<From = unknown, To = unknown> {
  readonly name: string;
  readonly fromVersion: number;
  /** Method syntax so specific upcasters fit in one `readonly Upcaster[]`. */
  upcast(data: From): To;
}

export const defineUpcaster = <From, To>(upcaster: Upcaster<From, To>): Upcaster<From, To> =>
  upcaster;
