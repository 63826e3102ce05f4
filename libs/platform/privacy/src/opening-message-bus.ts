import {
  binaryModeHeader,
  parseCloudEventType,
  SEALED_PREFIX,
  type EventMetadata,
} from '@talentloop/contracts';
import {
  passedOver,
  type BusConsumer,
  type BusMessage,
  type CommittedOffset,
  type DeliveredMessage,
  type MessageBus,
  type PartitionEnd,
  type ReadTopicOptions,
  type SubscribeToTopicsOptions,
  type Topology,
  type TopologyReport,
} from '@talentloop/messaging';
import type { PersonalDataCipher } from './personal-data-cipher';

/**
 * The bus as the services use it: what is published goes out as given (the relay hands over
 * sealed events), and a consumer receives each event with its personal fields opened, or
 * "[erased]". A failing message is dead-lettered as it came, sealed.
 */
export class OpeningMessageBus implements MessageBus {
  constructor(
    private readonly inner: MessageBus,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * The same bus delivering events as they were published, personal fields sealed, for read
   * models that keep them sealed; it still drops a person's cached key on their erasure.
   */
  readonly sealed: MessageBus = {
    declareTopology: (topology) => this.declareTopology(topology),
    publish: (topic, messages) => this.publish(topic, messages),
    subscribe: (options) =>
      this.inner.subscribe({
        ...options,
        handler: async (message) => {
          this.noticeErasure(message);
          if (passedOver(message, options.eventTypes)) return;
          await options.handler(message);
        },
      }),
    partitionEnds: (topics) => this.partitionEnds(topics),
    committedOffsets: (groupOnBus, topics) => this.committedOffsets(groupOnBus, topics),
    readTopic: (topic, options) => this.readTopic(topic, options),
    ping: () => this.ping(),
    close: () => this.close(),
  };

  declareTopology(topology: Topology): Promise<TopologyReport> {
    return this.inner.declareTopology(topology);
  }

  partitionEnds(topics: readonly string[]): Promise<readonly PartitionEnd[]> {
    return this.inner.partitionEnds(topics);
  }

  committedOffsets(
    groupOnBus: string,
    topics: readonly string[],
  ): Promise<readonly CommittedOffset[]> {
    return this.inner.committedOffsets(groupOnBus, topics);
  }

  publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    return this.inner.publish(topic, messages);
  }

  /** As stored: an operator's tool reads personal fields sealed. */
  readTopic(topic: string, options: ReadTopicOptions): Promise<readonly DeliveredMessage[]> {
    return this.inner.readTopic(topic, options);
  }

  subscribe(options: SubscribeToTopicsOptions): Promise<BusConsumer> {
    return this.inner.subscribe({
      ...options,
      handler: async (message) => {
        if (passedOver(message, options.eventTypes)) {
          // Not opened, but an erasure still drops the person's cached key.
          this.noticeErasure(message);
          return;
        }
        await options.handler(await this.opened(message));
      },
    });
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private noticeErasure(message: DeliveredMessage): void {
    const type = parseCloudEventType(message.headers[binaryModeHeader('type')] ?? '');
    const tenantId = message.headers[binaryModeHeader('tenantid')];
    if (type?.name !== 'PersonErased' || !tenantId) return;
    try {
      this.cipher.notice({
        type: type.name,
        data: JSON.parse(message.value) as unknown,
        metadata: { tenantId, schemaVersion: type.version } as EventMetadata,
      });
    } catch {
      // Not an event: the consumer refuses it as it is.
    }
  }

  private async opened(message: DeliveredMessage): Promise<DeliveredMessage> {
    const type = parseCloudEventType(message.headers[binaryModeHeader('type')] ?? '');
    const tenantId = message.headers[binaryModeHeader('tenantid')];
    if (!type || !tenantId) return message;
    // PersonErased too: the cipher drops the person's cached key when it sees one.
    if (!message.value.includes(SEALED_PREFIX) && type.name !== 'PersonErased') return message;
    let data: unknown;
    try {
      data = JSON.parse(message.value);
    } catch {
      return message; // not an event: the consumer refuses it as it is
    }
    const opened = await this.cipher.open({
      type: type.name,
      data,
      metadata: { tenantId, schemaVersion: type.version } as EventMetadata,
    });
    return { ...message, value: JSON.stringify(opened.data) };
  }
}
