import { randomUUID } from 'node:crypto';
import { topologyOf, type BusMessage, type MessageBus } from '@talentloop/messaging';

export interface MessageBusUnderTest {
  readonly bus: MessageBus;
  cleanup(): Promise<void>;
}

/** A unique name per test, so runs on a shared broker never see each other's messages. */
export const uniqueName = (prefix: string): string =>
  `${prefix}.${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** Polls until the condition holds; fails with `what` after the timeout. */
export const eventually = async (
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** A plain message whose value says which key and which place in that key's sequence. */
export const sequencedMessage = (key: string, sequence: number): BusMessage => ({
  key,
  headers: { 'x-sequence': String(sequence) },
  value: JSON.stringify({ key, sequence }),
});

export const sequenceOf = (message: BusMessage): number =>
  (JSON.parse(message.value) as { sequence: number }).sequence;

/**
 * Checks, as each message arrives, that every earlier message of its key was handled
 * before: per-key order under at-least-once delivery (a redelivery may repeat, never skip).
 */
export class PerKeyOrder {
  private readonly highest = new Map<string, number>();
  readonly violations: string[] = [];

  record(key: string, sequence: number): void {
    const highest = this.highest.get(key) ?? -1;
    if (sequence > highest + 1)
      this.violations.push(`${key}: ${sequence} arrived before ${highest + 1}`);
    this.highest.set(key, Math.max(highest, sequence));
  }

  handledUpTo(key: string): number {
    return this.highest.get(key) ?? -1;
  }
}

export class RetriableFailure extends Error {
  override readonly name = 'RetriableFailure';
  readonly retriable = true;
}

export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
  readonly retriable = false;
}

export const quickRetry = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 40 };

/**
 * Declares test topics (default broker configs) and the dead-letter topics of the groups that
 * read them: nothing else creates topics.
 */
export const declareTestTopics = (
  bus: MessageBus,
  sources: readonly { readonly topic: string; readonly partitions: number }[],
  groups: readonly { readonly groupId: string; readonly topics: readonly string[] }[] = [],
) =>
  bus.declareTopology(
    topologyOf({
      sources: sources.map((source) => ({ ...source, replicationFactor: 1, configs: {} })),
      groups,
      deadLetters: { replicationFactor: 1, configs: {} },
    }),
  );
