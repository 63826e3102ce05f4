/** How a consumer's `finished` settles: once, on stop() or on the crash that ended it. */
export interface ConsumerLifetime {
  readonly finished: Promise<void>;
  /** Settles `finished`: resolved without an error, rejected with one; only the first counts. */
  end(error?: unknown): void;
  ended(): boolean;
}

export const consumerLifetime = (): ConsumerLifetime => {
  let settle: (error?: unknown) => void = () => undefined;
  let ended = false;
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error as Error));
  });
  // Nobody may be listening (a test, a script): a crash must not become an unhandled rejection.
  finished.catch(() => undefined);
  return {
    finished,
    end: (error) => {
      if (ended) return;
      ended = true;
      settle(error);
    },
    ended: () => ended,
  };
};
