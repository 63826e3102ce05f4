import type { Logger } from '@nestjs/common';
import type { StoredDocument, ReadModelStore } from '@talentloop/read-models';
import type { Loop } from '@talentloop/supervision';

/**
 * A loop that reads until stopped, as the supervisor runs it: `body` looks at `stopping()`
 * between its rounds and sleeps on `waiter`, which a stop wakes; a failure is logged with
 * `what` and ends the loop (the supervisor starts it again).
 */
export const pollingLoop = (
  logger: Logger,
  what: string,
  waiter: { wake(): void; close(): void },
  body: (stopping: () => boolean) => Promise<void>,
): Loop => {
  let stopping = false;
  const finished = body(() => stopping).finally(() => waiter.close());
  finished.catch((error: unknown) =>
    logger.error(`${what} stopped: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    finished,
    stop: async () => {
      stopping = true;
      waiter.wake();
      await finished.catch(() => undefined);
    },
  };
};

/**
 * Claims due documents for one attempt each: `claimed` moves their due time past the attempt,
 * written with the version they were read at, so of two workers that read the same documents
 * only one gets each. Returns the ones this worker got, at their new version.
 */
export const claimDue = async <Doc extends object>(
  readModels: ReadModelStore,
  collection: string,
  due: readonly StoredDocument<Doc>[],
  claimed: (doc: Doc) => Doc,
): Promise<StoredDocument<Doc>[]> => {
  const taken = due.map((stored) => ({ ...stored, doc: claimed(stored.doc) }));
  const { conflicts } = await readModels.write(
    collection,
    taken.map(({ id, doc, sources, version }) => ({
      id,
      doc,
      sources,
      expectedVersion: version,
    })),
  );
  const lost = new Set(conflicts);
  return taken
    .filter(({ id }) => !lost.has(id))
    .map((stored) => ({ ...stored, version: stored.version + 1 }));
};

/**
 * Works through `items` with at most `concurrency` in hand at once. A failed item is logged and
 * left as it is (claimed: it is taken again once its claim runs out); the others go on.
 */
export const inLanes = async <Item>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<void>,
  failed: (item: Item, reason: string) => void,
): Promise<void> => {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed(item, error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
};
