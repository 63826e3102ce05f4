import { deadLetterTopicFor, topicFor, type PublishedContext } from '@talentloop/contracts';
import { consumerGroups, type ConsumerGroupDeclaration } from './topology';

/**
 * Who may do what on the bus: one Kafka principal per service (its SCRAM user), allowed
 * exactly what the service does, so a service's credentials cannot forge another context's
 * events. Everything else is refused (the brokers run an authorizer with no allow-all).
 */
export interface ServiceOnTheBus {
  /** The contexts whose events the service publishes (its relays): the only topics it writes. */
  readonly publishes: readonly PublishedContext[];
  /** Its consumer groups: it reads their topics and writes their dead-letter topics. */
  readonly groups: readonly ConsumerGroupDeclaration[];
}

export const servicesOnTheBus = {
  assessment: { publishes: ['assessment', 'identity'], groups: [] },
  planning: {
    publishes: ['planning'],
    groups: [consumerGroups.planning, consumerGroups.planningReadSide],
  },
  approval: {
    publishes: ['approval'],
    groups: [consumerGroups.approval, consumerGroups.approvalReadSide],
  },
  analytics: { publishes: [], groups: [] },
  // Publishes its delivery events; reads the other contexts' events in the store.
  notifications: { publishes: ['notifications'], groups: [] },
} as const satisfies Readonly<Record<string, ServiceOnTheBus>>;

export type ServiceName = keyof typeof servicesOnTheBus;

export type AclResource = 'topic' | 'group';
export type AclPattern = 'literal' | 'prefixed';
export type AclOperation = 'read' | 'write' | 'describe';

/** One ALLOW rule, from any host. */
export interface AclRule {
  readonly principal: string;
  readonly resource: AclResource;
  readonly pattern: AclPattern;
  readonly name: string;
  readonly operation: AclOperation;
}

/** Every topic the system declares starts with this (context and dead-letter topics). */
export const TOPIC_PREFIX = 'talentloop.';

export const principalOf = (username: string): string => `User:${username}`;

/**
 * The rules of one service's principal:
 * - describe every topic of the system (metadata, partition ends for lag and readiness);
 * - write the topics of the contexts it publishes, and nothing else of the contexts';
 * - read the topics its groups subscribe to; read and write those groups' dead-letter topics
 *   (it sends its failures there, and lists and inspects them);
 * - use the consumer groups named after it (its groups, and the short-lived ones it reads a
 *   dead-letter topic with).
 * Redriving a dead letter publishes to another context's topic: that is the operator's
 * principal's work (`npm run dead-letters`), never a service's.
 */
export const serviceAcls = (
  service: ServiceOnTheBus & { readonly name: string },
  username: string = service.name,
): AclRule[] => {
  const principal = principalOf(username);
  const rule = (
    resource: AclResource,
    pattern: AclPattern,
    name: string,
    operation: AclOperation,
  ): AclRule => ({ principal, resource, pattern, name, operation });
  const subscribed = service.groups.flatMap(({ groupId, contexts }) =>
    contexts.map((context) => ({ groupId, topic: topicFor(context) })),
  );
  const rules = [
    rule('topic', 'prefixed', TOPIC_PREFIX, 'describe'),
    ...service.publishes.map((context) => rule('topic', 'literal', topicFor(context), 'write')),
    ...subscribed.map(({ topic }) => rule('topic', 'literal', topic, 'read')),
    ...subscribed.flatMap(({ groupId, topic }) =>
      (['read', 'write'] as const).map((operation) =>
        rule('topic', 'literal', deadLetterTopicFor(topic, groupId), operation),
      ),
    ),
    ...(service.groups.length > 0 ? [rule('group', 'prefixed', service.name, 'read')] : []),
  ];
  const seen = new Set<string>();
  return rules.filter((each) => {
    const key = describeAcl(each);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Every service's rules, each service's principal named after it unless `usernames` says. */
export const talentloopAcls = (
  usernames: Partial<Readonly<Record<ServiceName, string>>> = {},
): AclRule[] =>
  (Object.entries(servicesOnTheBus) as [ServiceName, ServiceOnTheBus][]).flatMap(
    ([name, service]) => serviceAcls({ name, ...service }, usernames[name] ?? name),
  );

/** One line per rule, for the operator. */
export const describeAcl = ({ principal, resource, pattern, name, operation }: AclRule): string =>
  `${principal} ${operation} ${resource} ${name}${pattern === 'prefixed' ? '*' : ''}`;
