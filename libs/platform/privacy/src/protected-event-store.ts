import { eventRegistry, type EventRegistry } from '@talentloop/contracts';
import {
  InvalidEventError,
  type AppendOptions,
  type AppendResult,
  type EventHandler,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type RecordedEventJson,
  type SubscribeOptions,
  type Subscription,
  recordedOfJson,
  withDataJson,
} from '@talentloop/event-store';
import type { MessageBus } from '@talentloop/messaging';
import { OpeningMessageBus } from './opening-message-bus';
import type { PersonalDataCipher } from './personal-data-cipher';

/**
 * The event store as the services use it: an append checks the plaintext against the schema and
 * stores the personal fields sealed; every read opens them, so deciders, projections and replays
 * see plaintext, or "[erased]" for an erased person. `sealed` is the store underneath, for whoever
 * must pass events on as stored (the relay: the bus only ever carries ciphertext) or keeps them
 * sealed (the read sides); reading a `PersonErased` through it still drops the person's cached
 * key in this process, so nothing opened later uses a key destroyed elsewhere.
 */
export class ProtectedEventStore implements EventStore {
  private readonly registry: EventRegistry;
  readonly sealed: EventStore;

  constructor(
    inner: EventStore,
    readonly cipher: PersonalDataCipher,
    options: { readonly registry?: EventRegistry } = {},
  ) {
    this.registry = options.registry ?? eventRegistry;
    this.sealed = noticingErasures(inner, cipher);
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    // The plaintext of personal fields is checked here, before sealing hides it; an event
    // without personal fields is appended as it is and checked once, by the store.
    for (const event of events) {
      if (!this.cipher.isPersonal(event)) continue;
      const violations = this.registry.validate(event.type, event.data, event.metadata);
      if (violations.length > 0) throw new InvalidEventError(event.type, event.id, violations);
    }
    const sealed = await Promise.all(events.map((event) => this.cipher.seal(event)));
    return this.sealed.appendToStream(streamName, sealed, options);
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.cipher.openAll(await this.sealed.readStream(streamName, options));
  }

  /** Read once, in pages: the opened copies are not kept beside the stored data. */
  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.cipher.openAll(await this.sealed.readAll(options), { remember: false });
  }

  /**
   * readAll's page as text: only the events with personal fields are parsed, opened and
   * written out again; the others are passed on as stored.
   */
  async readAllJson(options?: ReadAllOptions): Promise<RecordedEventJson[]> {
    return openAllJson(this.cipher, await this.sealed.readAllJson(options));
  }

  lastGlobalPosition(): Promise<bigint> {
    return this.sealed.lastGlobalPosition();
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.sealed.subscribeToAll(options, async (event) =>
      handler(await this.cipher.open(event)),
    );
  }

  onAppended(listener: () => void): () => void {
    return this.sealed.onAppended(listener);
  }

  async close(): Promise<void> {
    await this.sealed.close();
    await this.cipher.keys.close();
  }
}

/**
 * The store as it is, except that every PersonErased read through it drops that person's key
 * from the cipher's cache first: a page that ends with an erasure opens nothing before it with
 * the destroyed key, and a process that only reads sealed events still learns of erasures.
 */
const noticingErasures = (store: EventStore, cipher: PersonalDataCipher): EventStore => {
  const notice = (events: readonly RecordedEvent[]) => {
    for (const event of events) cipher.notice(event);
    return events as RecordedEvent[];
  };
  return {
    appendToStream: (streamName, events, options) =>
      store.appendToStream(streamName, events, options),
    readStream: async (streamName, options) => notice(await store.readStream(streamName, options)),
    readAll: async (options) => notice(await store.readAll(options)),
    readAllJson: async (options) => {
      const events = await store.readAllJson(options);
      for (const event of events)
        if (event.type === 'PersonErased') cipher.notice(recordedOfJson(event));
      return events;
    },
    lastGlobalPosition: () => store.lastGlobalPosition(),
    subscribeToAll: (options, handler) =>
      store.subscribeToAll(options, (event) => {
        cipher.notice(event);
        return handler(event);
      }),
    onAppended: (listener) => store.onAppended(listener),
    close: () => store.close(),
  };
};

/**
 * The events opened as `cipher.openAll` opens them, as text: those with personal fields get
 * the text of their opened data (JSON.stringify's, as readAll's event would be written); every
 * other event keeps its stored text.
 */
const openAllJson = async (
  cipher: PersonalDataCipher,
  events: readonly RecordedEventJson[],
): Promise<RecordedEventJson[]> => {
  const texts = await cipher.openAllJson(events);
  const result = events.slice();
  for (let index = 0; index < events.length; index += 1) {
    const text = texts[index];
    if (text !== undefined && text !== events[index].dataJson)
      result[index] = withDataJson(events[index], text);
  }
  return result;
};

/** The store events are passed on from as stored: the sealed one under a ProtectedEventStore. */
export const sealedStoreOf = (store: EventStore): EventStore =>
  store instanceof ProtectedEventStore ? store.sealed : store;

/** The bus underneath, delivering events sealed as published (see OpeningMessageBus.sealed). */
export const sealedBusOf = (bus: MessageBus): MessageBus =>
  bus instanceof OpeningMessageBus ? bus.sealed : bus;

/**
 * The store to feed these projections from: the sealed one underneath when none of them keeps
 * personal data (data minimisation, and no decryption on a rebuild), else the store as given.
 */
export const eventSourceFor = (
  store: EventStore,
  projections: readonly { readonly personalData?: 'ignored' }[],
): EventStore =>
  store instanceof ProtectedEventStore &&
  projections.every((projection) => projection.personalData === 'ignored')
    ? store.sealed
    : store;
