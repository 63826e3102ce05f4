import { Inject, Injectable } from '@nestjs/common';
import type { BoundedContext, TalentloopEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import {
  subscribeToEvents,
  type EventMessageHandler,
  type MessageBus,
} from '@talentloop/messaging';
import { sealedBusOf, sealedStoreOf } from '@talentloop/privacy';
import {
  ReadSide,
  superviseReadSide,
  type ReadModelStore,
  type ReadSideOptions,
} from '@talentloop/read-models';
import type { Supervisor } from '@talentloop/supervision';
import { SUPERVISOR } from './observability/supervisor.token';
import { EVENT_STORE, MESSAGE_BUS, READ_MODEL_STORE } from './tokens';

/** A read side as a service declares it; the ports come from the platform. */
export type ReadSideSpec = Omit<ReadSideOptions, 'eventStore' | 'bus' | 'readModels'>;

/**
 * A service's background work on the platform's ports, run under its supervisor once the
 * application is up and its topics are declared: its read sides (fed as stored, personal
 * fields sealed) and its consumers (a broker down at start or a consumer that stops is
 * retried, never fatal). Declared in constructors; the platform starts them (`start`).
 */
@Injectable()
export class ServiceLoops {
  private readonly starts: (() => void)[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
  ) {}

  /** A read side of the service, started (and supervised) with the application. */
  readSide(spec: ReadSideSpec): ReadSide {
    const readSide = new ReadSide({
      ...spec,
      eventStore: sealedStoreOf(this.store),
      bus: sealedBusOf(this.bus),
      readModels: this.readModels,
    });
    this.starts.push(() => superviseReadSide(this.supervisor, readSide));
    return readSide;
  }

  /**
   * A consumer group of the service (opened events), started with the application; given the
   * event types the handler acts on, the others are passed over unread.
   */
  consume(
    group: { readonly groupId: string; readonly contexts: readonly BoundedContext[] },
    handler: EventMessageHandler,
    eventTypes?: readonly TalentloopEvent['type'][],
  ): void {
    this.starts.push(() =>
      this.supervisor.supervise(group.groupId, () =>
        subscribeToEvents(this.bus, {
          groupId: group.groupId,
          contexts: group.contexts,
          handler,
          ...(eventTypes && { eventTypes }),
        }),
      ),
    );
  }

  /** Starts what was declared so far; the platform calls it once at bootstrap. */
  start(): void {
    for (const start of this.starts.splice(0)) start();
  }
}
