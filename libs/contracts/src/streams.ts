import {
  boundedContexts,
  isBoundedContext,
  publishedContexts,
  type BoundedContext,
  type PublishedContext,
} from './event-definition';
import { ContractViolationError } from './errors';
import type { Violation } from './violation';

export interface StreamNameParts {
  readonly context: BoundedContext;
  /** camelCase, no '-' or '.', so a stream name parses back unambiguously. */
  readonly aggregate: string;
  readonly tenantId: string;
  readonly id: string;
}

const aggregatePattern = '[a-z][A-Za-z0-9]{0,63}';
const tenantPattern = '[a-z0-9][a-z0-9-]{0,63}';
const idPattern = '[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}';
/** A whole tenant id, as stream names, topics' headers and the HTTP caller carry it. */
export const TENANT_ID_PATTERN = new RegExp(`^${tenantPattern}$`);
/** A whole entity or user id, as stream names and the event contracts accept it. */
export const ID_PATTERN = new RegExp(`^${idPattern}$`);

const streamPattern = new RegExp(
  `^(${boundedContexts.join('|')})\\.(${aggregatePattern})-(${tenantPattern})\\.(${idPattern})$`,
);

const violationsOf = (parts: StreamNameParts): Violation[] =>
  (
    [
      ['context', `^(${boundedContexts.join('|')})$`],
      ['aggregate', `^${aggregatePattern}$`],
      ['tenantId', `^${tenantPattern}$`],
      ['id', `^${idPattern}$`],
    ] as const
  )
    .filter(([field, pattern]) => !new RegExp(pattern).test(parts[field]))
    .map(([field, pattern]) => ({ field, message: `must match ${pattern}` }));

/**
 * `<context>.<aggregate>-<tenantId>.<id>`: the context prefix lets a relay subscribe per
 * context, and the tenant inside the name keeps tenants' streams apart.
 */
export const streamName = (parts: StreamNameParts): string => {
  const violations = violationsOf(parts);
  if (violations.length > 0) throw new ContractViolationError('stream name', violations);
  return `${parts.context}.${parts.aggregate}-${parts.tenantId}.${parts.id}`;
};

/** What every stream of a context starts with. */
export const streamPrefix = (context: BoundedContext): string => `${context}.`;

/**
 * The aggregates whose streams a context publishes, where it does not publish all of them:
 * notifications publishes its deliveries (what happened to each e-mail and dead-lettered
 * webhook); its subscriptions carry signing secrets, and preferences and HR contacts are its
 * own settings, so those streams stay inside.
 */
export const publishedAggregates: Partial<Record<PublishedContext, readonly string[]>> = {
  notifications: ['mailDelivery', 'webhookDelivery'],
};

/** The streams of a context that go out: its relay's filter (`<context>.<aggregate>-` each). */
export const publishedStreamPrefixesOf = (context: PublishedContext): readonly string[] =>
  publishedAggregates[context]?.map((aggregate) => `${streamPrefix(context)}${aggregate}-`) ?? [
    streamPrefix(context),
  ];

/** The published streams of every context: what integrators may read (a replay, a republish). */
export const publishedStreamPrefixes: readonly string[] =
  publishedContexts.flatMap(publishedStreamPrefixesOf);

/** The parts of a stream name, or undefined for a name `streamName` cannot have produced. */
export const parseStreamName = (name: string): StreamNameParts | undefined => {
  const match = streamPattern.exec(name);
  const [, context = '', aggregate = '', tenantId = '', id = ''] = match ?? [];
  return isBoundedContext(context) ? { context, aggregate, tenantId, id } : undefined;
};
