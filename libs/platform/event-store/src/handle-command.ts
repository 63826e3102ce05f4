import { createHash } from 'node:crypto';
import { eventRegistry, type EventMetadata } from '@talentloop/contracts';
import { fold, type Decider, type DomainEvent } from '@talentloop/domain-kernel';
import { currentTraceparent, eventsAppended } from '@talentloop/observability';
import { WrongExpectedRevisionError } from './errors';
import type { EventStore, EventToAppend, ExpectedRevision } from './event-store.port';

/** Who asks, for which tenant, when, and under which id: everything the domain must not invent. */
export interface CommandContext {
  readonly tenantId: string;
  readonly actorId: string;
  /** Unique per command; a retried command with the same id changes nothing. */
  readonly commandId: string;
  readonly now: Date;
  readonly correlationId?: string;
  readonly traceparent?: string;
}

export interface CommandResult<Event, State> {
  /** The events this command caused (on a retried command: the ones it caused the first time). */
  readonly events: readonly Event[];
  readonly state: State;
  readonly nextExpectedRevision: bigint;
}

/**
 * Event ids derived from the stream and the command id (UUID v5 layout over SHA-1), so a
 * command retried after a lost answer appends the same ids and the store treats it as a
 * no-op. The stream (which names the tenant and the entity) is part of it: two tenants, or
 * two entities, whose commands share an id (a caller's idempotency key, a round id) must
 * never get the same event ids.
 */
export const eventIdFor = (streamName: string, commandId: string, index: number): string => {
  const hash = createHash('sha1').update(`${streamName}#${commandId}#${index}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const metadataFor = (type: string, context: CommandContext): EventMetadata => {
  const definition = eventRegistry.current(type);
  if (!definition) throw new Error(`${type} is not a published event`);
  return {
    tenantId: context.tenantId,
    actorId: context.actorId,
    occurredAt: context.now.toISOString(),
    schemaVersion: definition.version,
    causationId: context.commandId,
    ...(context.correlationId ? { correlationId: context.correlationId } : {}),
    ...traceparentOf(context),
  };
};

/** The command's own trace context, else the current span's (the request or consumed event). */
const traceparentOf = (context: CommandContext): { traceparent?: string } => {
  const traceparent = context.traceparent ?? currentTraceparent();
  return traceparent ? { traceparent } : {};
};

export interface HandleCommandOptions<Event, State> {
  /**
   * Runs after the decision and before the append, with the events about to be appended and
   * the state they were decided on; throwing aborts the command with nothing appended. For a
   * reservation another stream must hold first (an employee's active-goal slot before the
   * goal's submission). Not called when the command is a retry of one already appended.
   */
  readonly beforeAppend?: (events: readonly Event[], state: State) => Promise<void>;
}

/**
 * The whole of command handling: read the stream, fold, decide, append with the revision
 * that was read. Domain errors and WrongExpectedRevisionError propagate to the caller.
 * `command` may be built from the state read, so the decision and the facts it rests on
 * come from the same read.
 */
export const handleCommand = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamName: string,
  command: Command | ((state: State) => Command | Promise<Command>),
  context: CommandContext,
  options: HandleCommandOptions<Event, State> = {},
): Promise<CommandResult<Event, State>> => {
  const recorded = await store.readStream(streamName);
  const history = recorded.map((event) => ({ type: event.type, data: event.data }) as Event);
  const state = fold(decider, history);
  const lastRevision = recorded.at(-1)?.streamRevision;

  const earlier = recorded.filter((event) => event.metadata.causationId === context.commandId);
  if (earlier.length > 0) {
    return {
      events: earlier.map((event) => ({ type: event.type, data: event.data }) as Event),
      state,
      nextExpectedRevision: lastRevision ?? -1n,
    };
  }

  const decided =
    typeof command === 'function'
      ? await (command as (state: State) => Command | Promise<Command>)(state)
      : command;
  const events = decider.decide(decided, state);
  if (events.length === 0) return { events, state, nextExpectedRevision: lastRevision ?? -1n };
  await options.beforeAppend?.(events, state);

  const toAppend: EventToAppend[] = events.map((event, index) => ({
    id: eventIdFor(streamName, context.commandId, index),
    type: event.type,
    data: event.data,
    metadata: metadataFor(event.type, context),
  }));
  const expectedRevision: ExpectedRevision = lastRevision ?? 'no_stream';
  const { nextExpectedRevision } = await store.appendToStream(streamName, toAppend, {
    expectedRevision,
  });
  for (const event of toAppend) eventsAppended.inc({ type: event.type });
  return { events, state: events.reduce(decider.evolve, state), nextExpectedRevision };
};

/**
 * Runs `attempt` again when another writer appended to the stream between its read and its
 * append (WrongExpectedRevisionError), after a short random pause so racing writers spread
 * out; for streams where concurrent commands are expected to meet. Other errors propagate.
 */
export const retryingConflicts = async <T>(
  attempt: () => Promise<T>,
  { attempts = 20, maxPauseMs = 10 }: { attempts?: number; maxPauseMs?: number } = {},
): Promise<T> => {
  for (let made = 1; ; made++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || made >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * maxPauseMs));
    }
  }
};
