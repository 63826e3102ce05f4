export * from './mail-transport';
export * from './notification-mail';
export { listMailbox, type MailboxEntry } from './mailbox-listing';
export * from './bench/mail-throughput';
