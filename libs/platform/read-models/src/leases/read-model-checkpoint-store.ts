import type { CheckpointStore } from '@talentloop/messaging';
import type { ReadModelStore } from '../read-model-store.port';

const keyOf = (name: string) => `relay:${name}`;

/**
 * Relay checkpoints in the read-model store, so every instance of a service (and a new pod)
 * resumes where the last holder of the relay's lease stopped, instead of from a file of its own.
 */
export class ReadModelCheckpointStore implements CheckpointStore {
  constructor(private readonly store: ReadModelStore) {}

  async load(name: string): Promise<bigint | undefined> {
    const stored = await this.store.getState(keyOf(name));
    return stored === undefined ? undefined : BigInt(stored);
  }

  save(name: string, position: bigint): Promise<void> {
    return this.store.setState(keyOf(name), position.toString());
  }
}
