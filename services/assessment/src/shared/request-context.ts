import type { CommandContext } from '@talentloop/event-store';
import type { Actor } from '@talentloop/service-kit';
import { createHash, randomUUID } from 'node:crypto';

/**
 * An id derived from content: the same measurement sent twice, in one file or in two
 * imports, gets the same id, so the store treats the second as a retry.
 */
export const contentId = (prefix: string, ...parts: readonly unknown[]): string =>
  `${prefix}-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24)}`;

/**
 * Commands that may legitimately repeat over time (publish the old framework again, move an
 * employee back to their former manager) get a fresh id unless the controller passes the
 * request's (`@RequestCommandId()`: derived from an Idempotency-Key, so a retry is the same
 * command); the deciders turn an unchanged repeat into no event.
 */
export const commandContext = (
  actor: Actor,
  commandId: string = randomUUID(),
  now = new Date(),
): CommandContext => ({ tenantId: actor.tenantId, actorId: actor.userId, commandId, now });
