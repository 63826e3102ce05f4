/**
 * Who is told that an append through this process has been stored (EventStore.onAppended).
 * A listener only wakes a reader; one that throws is reported and the others still run.
 */
export class AppendListeners {
  private readonly listeners = new Set<() => void>();

  add(listener: () => void): () => void {
    // A wrapper per call, so the same function added twice is removed once per `add`.
    const entry = () => listener();
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        process.emitWarning(`an append listener threw: ${String(error)}`, 'AppendListenerWarning');
      }
    }
  }
}
