import { MessagingError } from '../errors';

/**
 * What the dead-letters tool refuses to do, each saying why. None is retriable: the same
 * request fails the same way again; the operator has to ask for something else.
 */
export abstract class DeadLetterRefusalError extends MessagingError {
  readonly retriable = false;
}

export class NotADeadLetterTopicError extends DeadLetterRefusalError {
  readonly code = 'NOT_A_DEAD_LETTER_TOPIC';
  constructor(readonly topic: string) {
    super(`${topic} is not a dead-letter topic (<topic>.dlt.<group>); \`list\` shows them`);
  }
}

export class NotADeadLetterError extends DeadLetterRefusalError {
  readonly code = 'NOT_A_DEAD_LETTER';
  constructor(topic: string, offset: string, missingHeader: string) {
    super(`${topic} offset ${offset} has no ${missingHeader} header: it is not a dead letter`);
  }
}

export class NoDeadLetterAtOffsetError extends DeadLetterRefusalError {
  readonly code = 'NO_DEAD_LETTER_AT_OFFSET';
  constructor(topic: string, offset: bigint) {
    super(`${topic} holds no message at offset ${offset}; \`show\` lists its offsets`);
  }
}

/**
 * A read side applies events by position per partition: an old event redriven at a new
 * offset would be applied after newer ones of its key and could overwrite newer state.
 */
export class ReadSideRedriveRefusedError extends DeadLetterRefusalError {
  readonly code = 'READ_SIDE_REDRIVE_REFUSED';
  constructor(readonly groupId: string) {
    super(
      `refusing to redrive to ${groupId}: a read side applies events by position per partition, ` +
        'so an old event redriven at a new offset could overwrite newer state. Rebuild that ' +
        'read side instead: drop its read-model store and it reads its topics again from the ' +
        'beginning (ADR 0008).',
    );
  }
}
