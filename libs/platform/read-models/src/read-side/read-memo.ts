import { AsyncLocalStorage } from 'node:async_hooks';

/** The memoized reads of one unit of work, per reader (a reader is one store's). */
type Memo = Map<object, Map<string, Promise<unknown>>>;

const memos = new AsyncLocalStorage<Memo>();

/**
 * Runs `work` as one unit of work (an HTTP request) whose reads of single documents are
 * memoized: the access guard, the request's language and its handler ask for the same person,
 * and every ask after the first gets what the first read found. That is never older than the
 * unit of work itself (the first read happened inside it), and a wait for freshness
 * (`ReadSide.freshWithStore` / `freshWithBus`) forgets it all, so what a decision reads after
 * such a wait is read again. Outside `work` nothing is memoized.
 */
export const withReadMemo = <T>(work: () => T): T => memos.run(new Map(), work);

/**
 * What `read` gives for `key` of `reader`, read once per unit of work (see withReadMemo); a
 * read that fails is not kept. Callers share the answer: documents are read-only.
 */
export const memoizedRead = <T>(
  reader: object,
  key: string,
  read: () => Promise<T>,
): Promise<T> => {
  const memo = memos.getStore();
  if (!memo) return read();
  let reads = memo.get(reader);
  if (!reads) {
    reads = new Map();
    memo.set(reader, reads);
  }
  const known = reads.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  const kept = reads;
  kept.set(key, reading);
  reading.catch(() => {
    if (kept.get(key) === reading) kept.delete(key);
  });
  return reading;
};

/** Forgets every read memoized in the current unit of work: the next asks read again. */
export const forgetMemoizedReads = (): void => {
  memos.getStore()?.clear();
};
