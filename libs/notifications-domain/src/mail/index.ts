export * from './mail.types';
export * from './mail-id';
export * from './mail-people';
export * from './mail-rules';
export * from './check-in-schedule';
export * from './mail-preferences.decider';
export * from './hr-contacts.decider';
export * from './hr-contacts.errors';
export {
  composeMail,
  type ComposeInput,
  type ComposedMail,
  type MailLinks,
  type MailCalendar,
} from './compose-mail';
export { composeDigest, nextDigestAt, type DigestInput, type ComposedDigest } from './digest';
export {
  unsubscribeToken,
  readUnsubscribeToken,
  MAX_UNSUBSCRIBE_TOKEN_LENGTH,
  type UnsubscribeSubject,
} from './unsubscribe-token';
export {
  checkInInvite,
  checkInMinutes,
  overdueCheckInStart,
  checkInUid,
  type CheckInInvite,
} from './check-in-invite';
