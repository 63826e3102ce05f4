import type { EventStore } from '@talentloop/event-store';

/**
 * The store as it is, noting where each readAll starts: for tests of readers that must not
 * scan again what they have looked at.
 */
export const withReadsRecorded = (
  store: EventStore,
): { readonly store: EventStore; readonly afters: (bigint | undefined)[] } => {
  const afters: (bigint | undefined)[] = [];
  return {
    afters,
    store: {
      appendToStream: (...a) => store.appendToStream(...a),
      readStream: (...a) => store.readStream(...a),
      readAll: (options) => {
        afters.push(options?.after);
        return store.readAll(options);
      },
      readAllJson: (options) => {
        afters.push(options?.after);
        return store.readAllJson(options);
      },
      lastGlobalPosition: () => store.lastGlobalPosition(),
      subscribeToAll: (...a) => store.subscribeToAll(...a),
      onAppended: (listener) => store.onAppended(listener),
      close: () => store.close(),
    },
  };
};
