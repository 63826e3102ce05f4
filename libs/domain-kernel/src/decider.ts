/**
 * A domain as three pure functions (the decider pattern). Time and ids arrive inside the
 * command, so `decide` is deterministic. `decide` throws a DomainError when the command
 * breaks a rule; the edge maps the error to an HTTP status.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
}

/** A domain event as the domain knows it: no store positions, no envelope. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());

/** Makes a `switch` over a union exhaustive at compile time. */
export const assertNever = (value: never): never => {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
};
