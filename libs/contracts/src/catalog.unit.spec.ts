import type { TSchema } from '@sinclair/typebox';
import {
  eventDefinitions,
  eventRegistry,
  isTalentloopEventType,
  talentloopEventTypes,
} from './catalog';
import type { EventDefinition } from './event-definition';

const metadataFor = (definition: EventDefinition) => ({
  tenantId: 'acme',
  actorId: 'user-42',
  occurredAt: '2026-01-15T09:30:00.000Z',
  schemaVersion: definition.version,
});

const label = (definition: EventDefinition) => `${definition.name} v${definition.version}`;

/** Paths of schema nodes that break the house rules for published schemas. */
const unboundedNodes = (schema: unknown, path: string): string[] => {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const own: string[] = [];
  if (node['type'] === 'object' && node['additionalProperties'] !== false)
    own.push(`${path} allows extra properties`);
  if (node['type'] === 'array' && node['maxItems'] === undefined) own.push(`${path} is unbounded`);
  const fixedString = ['maxLength', 'format', 'const'].some((keyword) => keyword in node);
  if (node['type'] === 'string' && !fixedString) own.push(`${path} is unbounded`);
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, child]) =>
      Array.isArray(child)
        ? child.flatMap((item, index) => unboundedNodes(item, `${path}.${key}.${index}`))
        : unboundedNodes(child, `${path}.${key}`),
    ),
  ];
};

describe('the event catalog', () => {
  describe.each(eventDefinitions.map((definition) => [label(definition), definition] as const))(
    '%s',
    (_, definition) => {
      it('has an example that validates against its schema', () => {
        const violations = eventRegistry.validate(
          definition.name,
          definition.example,
          metadataFor(definition),
        );

        expect(violations).toEqual([]);
      });

      it('bounds every object, array and free-text string', () => {
        expect(unboundedNodes(definition.schema as TSchema, 'data')).toEqual([]);
      });
    },
  );

  const aboutAnEmployee = eventDefinitions.filter((definition) =>
    Object.hasOwn(definition.schema.properties, 'employeeId'),
  );

  it.each(aboutAnEmployee.map((definition) => [label(definition), definition] as const))(
    '%s has the employee as subject, the Kafka key',
    (_, definition) => {
      const example = definition.example as Record<string, unknown>;

      expect(definition.subjectOf(definition.example)).toBe(example['employeeId']);
    },
  );

  it('keys the events that are not about an employee by their aggregate', () => {
    const others = eventDefinitions.filter((definition) => !aboutAnEmployee.includes(definition));

    expect(
      others.map((definition) => [definition.name, definition.subjectOf(definition.example)]),
    ).toEqual([
      ['CompetencyFrameworkPublished', 'framework-core'],
      ['RoleProfileDefined', 'team-lead'],
      ['WebhookSubscriptionCreated', 'whsub-7001'],
      ['WebhookSubscriptionChanged', 'whsub-7001'],
      ['WebhookSubscriptionDisabled', 'whsub-7001'],
      ['WebhookSubscriptionEnabled', 'whsub-7001'],
      ['WebhookSecretRotated', 'whsub-7001'],
      ['WebhookSubscriptionDeleted', 'whsub-7001'],
      ['WebhookDataAccessSet', 'whsub-7001'],
      ['HrContactsSet', 'hr-contacts'],
      ['WebhookDeliveryDeadLettered', 'whsub-7001'],
    ]);
  });

  it('lists exactly the current event names', () => {
    const current = eventRegistry.currentDefinitions().map((definition) => definition.name);

    expect([...talentloopEventTypes].sort()).toEqual(current.sort());
  });

  it('compiles every schema of every version in strict mode', () => {
    // The registry compiles a validator on first use; this is where a broken schema shows.
    expect(() => eventRegistry.compileAll()).not.toThrow();
  });

  it('tells its own event types from others', () => {
    expect(isTalentloopEventType('GapIdentified')).toBe(true);
    expect(isTalentloopEventType('GapFound')).toBe(false);
  });

  it('has every event name once across the bounded contexts', () => {
    const contextsByName = new Map<string, Set<string>>();
    for (const { name, context } of eventDefinitions)
      contextsByName.set(name, (contextsByName.get(name) ?? new Set()).add(context));

    expect([...contextsByName.values()].every((contexts) => contexts.size === 1)).toBe(true);
  });
});
