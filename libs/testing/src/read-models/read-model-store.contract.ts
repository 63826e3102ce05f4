import { randomUUID } from 'node:crypto';
import type { ReadModelStore } from '@talentloop/read-models';
import { describeCollectionsAndState } from './read-model-collections.contract';
import type { ReadModelStoreContractContext } from './read-model-contract-context';
import { describeQueries } from './read-model-queries.contract';
import { describeGuardedWrites } from './read-model-writes.contract';

export interface ReadModelStoreUnderTest {
  readonly store: ReadModelStore;
  cleanup(): Promise<void>;
}

/**
 * The promises of the ReadModelStore port, run against one adapter. Every test works in
 * collections and state keys of its own, so the suite also runs against a shared server.
 */
export function describeReadModelStoreContract(
  name: string,
  factory: () => Promise<ReadModelStoreUnderTest>,
): void {
  describe(`${name} read-model store contract`, () => {
    let underTest: ReadModelStoreUnderTest;
    let context: ReadModelStoreContractContext;

    beforeEach(async () => {
      underTest = await factory();
      const { store } = underTest;
      const collection = `contract-${randomUUID().slice(0, 8)}`;
      context = {
        store,
        collection,
        insert: (id, doc, sources = { store: '1' }) =>
          store.write(collection, [{ id, doc, sources, expectedVersion: 0 }]),
      };
    });

    afterEach(async () => {
      await context.store.dropCollection(context.collection);
      await underTest.cleanup();
    });

    const the = () => context;
    describeGuardedWrites(the);
    describeQueries(the);
    describeCollectionsAndState(the);
  });
}
