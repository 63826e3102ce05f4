export * from './mail-transport';
export { listMailbox, type MailboxEntry } from './mailbox-listing';
export * from './bench/mail-throughput';
