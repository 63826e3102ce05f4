import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

export interface ReplaySession {
  end(): void;
}

/**
 * Open replay responses. SSE streams never end by themselves, and the HTTP server waits for
 * open connections before closing, so shutdown ends them first.
 */
@Injectable()
export class ReplaySessions implements BeforeApplicationShutdown {
  private readonly open = new Set<ReplaySession>();

  add(session: ReplaySession): void {
    this.open.add(session);
  }

  delete(session: ReplaySession): void {
    this.open.delete(session);
  }

  get size(): number {
    return this.open.size;
  }

  beforeApplicationShutdown(): void {
    for (const session of this.open) session.end();
    this.open.clear();
  }
}
