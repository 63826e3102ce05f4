import { eventRegistry, type EventDefinition } from '@talentloop/contracts';
import type { EventStore, EventToAppend } from '@talentloop/event-store';
import { exampleEvent } from '../fixtures/example-event';

/** What every test of the event store contract works with: a store and a tenant of its own. */
export interface EventStoreContractContext {
  readonly store: EventStore;
  readonly tenant: string;
  readonly goalStream: string;
  readonly otherGoalStream: string;
  readonly measurementStream: string;
  /** A filter on the test's own streams, for a server that other suites share. */
  readonly ownStreams: { streamPrefixes: string[] };
  /** An example event of the type (the current version, or `version`) in the test's tenant. */
  event(type: string, version?: number): EventToAppend;
}

export const definitionOf = (type: string, version?: number): EventDefinition => {
  const definition =
    version === undefined ? eventRegistry.current(type) : eventRegistry.definition(type, version);
  if (!definition) throw new Error(`the contracts catalog has no ${type}@${version ?? 'current'}`);
  return definition;
};

export const eventOf = (definition: EventDefinition, tenantId: string): EventToAppend =>
  exampleEvent(definition, tenantId, { correlationId: 'flow-1' });

export const firstRequiredField = (definition: EventDefinition): string => {
  const field = definition.schema.required?.[0];
  if (field === undefined) throw new Error(`${definition.name} has no required field`);
  return field;
};

export const isStrictlyIncreasing = (values: readonly bigint[]): boolean =>
  values.every((value, i) => i === 0 || value > values[i - 1]);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const waitFor = async (condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
};
