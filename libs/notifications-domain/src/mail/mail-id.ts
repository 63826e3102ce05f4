import { createHash } from 'node:crypto';
import type { MailKind } from './mail.types';

/**
 * The id of a planned mail: `mail_` and 32 hex digits of a hash of the tenant, the kind, the
 * recipient and the cause. Replaying the log plans the same mail under the same id, so the
 * outbox stores it once; a NUL between the parts keeps `a`+`bc` apart from `ab`+`c`.
 */
export const mailIdOf = (
  tenantId: string,
  kind: MailKind,
  recipientId: string,
  cause: string,
): string =>
  `mail_${createHash('sha256')
    .update([tenantId, kind, recipientId, cause].join('\u0000'))
    .digest('hex')
    .slice(0, 32)}`;
