import {
  binaryModeHeader,
  parseCloudEventType,
  SEALED_PREFIX,
  type EventMetadata,
} from '@talentloop/contracts';
import type {
  BusConsumer,
  BusMessage,
  DeliveredMessage,
  MessageBus,
  SubscribeToTopicsOptions,
  TopicSpec,
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

  ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    return this.inner.publish(topic, messages);
  }

  subscribe(options: SubscribeToTopicsOptions): Promise<BusConsumer> {
    return this.inner.subscribe({
      ...options,
      handler: async (message) => options.handler(await this.opened(message)),
    });
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
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
