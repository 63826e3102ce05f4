/**
 * Names as small integers, process-wide, so a request counts into typed arrays instead of
 * hashing strings. Only grows: sized by the names the process has seen.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The name's number, undefined for a name never seen. */
  lookup(name: string): number | undefined {
    return this.ids.get(name);
  }

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}
