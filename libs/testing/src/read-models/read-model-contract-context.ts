import type { ReadModelStore, WriteOutcome } from '@talentloop/read-models';

/** The document the contract's tests store. */
export interface Person {
  name: string;
  age?: number | null;
  team?: string;
  active?: boolean;
  address?: { city: string };
}

/** What every test of the read-model store contract works with: a collection of its own. */
export interface ReadModelStoreContractContext {
  readonly store: ReadModelStore;
  readonly collection: string;
  /** Writes a new document into the test's collection. */
  insert(
    id: string,
    doc: Person,
    sources?: Readonly<Record<string, string>>,
  ): Promise<WriteOutcome>;
}
