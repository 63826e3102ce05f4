import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Decider, DomainEvent } from '@talentloop/domain-kernel';
import {
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
  type HandleCommandOptions,
} from '@talentloop/event-store';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { CLOCK, type Clock } from '../clock';
import { EVENT_STORE } from '../tokens';

/** Who sends a decider command: a request's caller, or a consumer acting on an event. */
export interface CommandCaller {
  readonly tenantId: string;
  readonly actorId: string;
  /**
   * The request's (`@RequestCommandId()`), so a retry under the same Idempotency-Key runs the
   * command the store already has, or one derived from a consumed event; fresh when absent.
   */
  readonly commandId?: string;
  readonly correlationId?: string;
}

/** The caller of a request, under the request's command id. */
export const callerOf = (actor: Actor, commandId?: string): CommandCaller => ({
  tenantId: actor.tenantId,
  actorId: actor.userId,
  ...(commandId === undefined ? {} : { commandId }),
});

/**
 * The domain command, or how to build it from the state the stream folds to and the command's
 * context (its `now` is the service clock's): the decision and the facts it rests on then come
 * from the same read.
 */
export type DomainCommandOf<C, S> = C | ((state: S, context: CommandContext) => C | Promise<C>);

/**
 * A decider command on one stream: what a controller or consumer hands to the CommandBus. One
 * generic handler runs them all (read the stream, fold, decide, append with the revision read),
 * so a new endpoint is a controller method and a decider case (ADR 0016).
 */
export class DeciderCommand<C, E extends DomainEvent, S> extends Command<CommandResult<E, S>> {
  constructor(
    readonly decider: Decider<C, E, S>,
    readonly streamName: string,
    readonly command: DomainCommandOf<C, S>,
    readonly caller: CommandCaller,
    /** Hooks that need the command's context (its id and time), such as `beforeAppend`. */
    readonly options?: (context: CommandContext) => HandleCommandOptions<E, S>,
  ) {
    super();
  }
}

/** The one handler of every DeciderCommand: the time comes from the service's clock. */
@CommandHandler(DeciderCommand)
export class DeciderCommandHandler
  implements ICommandHandler<DeciderCommand<unknown, DomainEvent, unknown>>
{
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({
    decider,
    streamName,
    command,
    caller,
    options,
  }: DeciderCommand<unknown, DomainEvent, unknown>): Promise<CommandResult<DomainEvent, unknown>> {
    const { commandId = randomUUID(), ...who } = caller;
    const context: CommandContext = { ...who, commandId, now: this.clock.now() };
    const domainCommand =
      typeof command === 'function'
        ? (state: unknown) =>
            (command as (state: unknown, context: CommandContext) => unknown)(state, context)
        : command;
    return handleCommand(
      this.store,
      decider,
      streamName,
      domainCommand,
      context,
      options?.(context),
    );
  }
}
