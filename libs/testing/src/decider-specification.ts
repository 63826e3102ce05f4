import type { Decider } from '@talentloop/domain-kernel';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeciderThen<Event, State> {
  /** The command produced exactly these events. */
  then(expected: readonly Event[]): void;
  /** The command was refused with this error type (and, optionally, a matching message). */
  thenThrows(errorType: ErrorClass, message?: string | RegExp): void;
  /** The state after the given history plus the command's events satisfies the check. */
  thenState(check: (state: State) => void): void;
}

/**
 * Given/when/then over a decider: `given` a history of events, `when` a command,
 * `then` the events it decides (or the error it throws).
 */
export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>) {
    return {
      given(history: readonly Event[]) {
        return {
          when(command: Command): DeciderThen<Event, State> {
            const state = history.reduce(decider.evolve, decider.initialState());
            const run = () => decider.decide(command, state);
            return {
              then(expected) {
                expect(run()).toEqual(expected);
              },
              thenThrows(errorType, message) {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toBeInstanceOf(errorType);
                if (message !== undefined) expect((thrown as Error).message).toMatch(message);
              },
              thenState(check) {
                check(run().reduce(decider.evolve, state));
              },
            };
          },
        };
      },
    };
  },
};
