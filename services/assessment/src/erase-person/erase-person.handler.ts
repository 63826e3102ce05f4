import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName, type PersonErased } from '@talentloop/contracts';
import { WrongExpectedRevisionError, type EventStore } from '@talentloop/event-store';
import {
  CLOCK,
  EVENT_STORE,
  PERSONAL_DATA_CIPHER,
  requireRole,
  type Actor,
  type Clock,
} from '@talentloop/service-kit';
import type { PersonalDataCipher } from '@talentloop/privacy';
import { randomUUID } from 'node:crypto';
import { EmployeeReader } from '../shared/employee-reader';

export type Erasure = PersonErased['data'];

export class ErasePersonCommand extends Command<Erasure> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
  ) {
    super();
  }
}

/**
 * Erases a person (GDPR): their data key is destroyed first, so every personal field about them
 * — in the event store, on the bus, in any replay or rebuilt read model — reads "[erased]"; then
 * PersonErased tells every service to forget what it holds. Idempotent: erasing again answers
 * the first erasure. A crash between the two steps is healed by the retry.
 */
@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
    private readonly people: EmployeeReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, employeeId }: ErasePersonCommand): Promise<Erasure> {
    requireRole(actor, 'admin');
    const stream = streamName({
      context: 'identity',
      aggregate: 'person',
      tenantId: actor.tenantId,
      id: employeeId,
    });
    const earlier = await this.erasureOn(stream);
    if (earlier) return earlier;
    await this.people.visibleTo(actor, employeeId);
    await this.cipher.erase({ tenantId: actor.tenantId, subjectId: employeeId });
    const erasure: Erasure = { employeeId, erasedAt: this.clock.now().toISOString() };
    try {
      await this.store.appendToStream(
        stream,
        [
          {
            id: randomUUID(),
            type: 'PersonErased',
            data: erasure,
            metadata: {
              tenantId: actor.tenantId,
              actorId: actor.userId,
              occurredAt: erasure.erasedAt,
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return erasure;
    } catch (error) {
      // Two erasures at once: the first one stands.
      if (error instanceof WrongExpectedRevisionError) return (await this.erasureOn(stream))!;
      throw error;
    }
  }

  private async erasureOn(stream: string): Promise<Erasure | undefined> {
    const [erased] = await this.store.readStream(stream, { maxCount: 1 });
    return erased?.data as Erasure | undefined;
  }
}
