import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { nodemailerMessageOf, problemOf } from './mail-message';
import type { MailTransport, OutgoingMail, SendOutcome } from './mail-transport';

/** `2026-01-05T09:30:00.123Z` → `20260105T093000123Z`: sorts as the time does. */
const timestampOf = (date: Date): string => date.toISOString().replace(/[-:.]/g, '');

/** The message id as a file name part: one id, one name, and no two ids the same name. */
const fileSafe = (messageId: string): string =>
  messageId.replace(
    /[^A-Za-z0-9._@+-]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );

/** A mailbox file's name: `<date-time>-<message id, escaped>.eml`. */
const MAILBOX_FILE = /^\d{8}T\d{9}Z-(.+)\.eml$/;

const mailboxFileName = (mail: Pick<OutgoingMail, 'date' | 'messageId'>): string =>
  `${timestampOf(mail.date)}-${fileSafe(mail.messageId)}.eml`;

/**
 * Writes each mail as the `.eml` file nodemailer would have sent over SMTP (same builder,
 * CRLF line ends). A message id already in the folder is not written again: the send reports
 * sent, so a redelivered notification makes no second file. The ids in the folder are read
 * once, at the first send; one process writes a folder (a second one could not see this one's
 * ids in time, and might write a second file for the same id).
 */
export const createMailboxTransport = (mailboxDir: string): MailTransport => {
  const folder = resolve(mailboxDir);
  // Builds the message only; streamTransport hands it back instead of sending it.
  const builder = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let written: Promise<Map<string, string>> | undefined;
  /** Sends under way, by message id: a second send of the same id waits for the first. */
  const pending = new Map<string, Promise<SendOutcome>>();

  const filesById = () =>
    (written ??= mkdir(folder, { recursive: true })
      .then(() => readdir(folder))
      .then(
        (names) =>
          new Map(
            names.flatMap((name) => {
              const match = MAILBOX_FILE.exec(name);
              return match ? [[match[1], name] as const] : [];
            }),
          ),
        (error: unknown) => {
          written = undefined; // the next send tries again
          throw error;
        },
      ));

  const write = async (mail: OutgoingMail, safeId: string): Promise<SendOutcome> => {
    const files = await filesById();
    const existing = files.get(safeId);
    if (existing) return { kind: 'sent', response: `already in the mailbox as ${existing}` };
    const { message } = await builder.sendMail(nodemailerMessageOf(mail));
    const name = mailboxFileName(mail);
    const temporary = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, message as Buffer);
      await rename(temporary, join(folder, name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    files.set(safeId, name);
    return { kind: 'sent', response: `written to the mailbox as ${name}` };
  };

  return {
    description: `mailbox ${folder}`,
    send: async (mail) => {
      const problem = problemOf(mail);
      if (problem) return { kind: 'failed', permanent: true, reason: problem };
      const safeId = fileSafe(mail.messageId);
      const underWay = pending.get(safeId);
      if (underWay) return underWay;
      const sending = write(mail, safeId).catch(
        (error: unknown): SendOutcome => ({
          kind: 'failed',
          permanent: false,
          reason: `EMAILBOX: ${(error as NodeJS.ErrnoException).code ?? 'writing the file failed'}`,
        }),
      );
      pending.set(safeId, sending);
      try {
        return await sending;
      } finally {
        pending.delete(safeId);
      }
    },
    close: () => Promise.resolve(),
  };
};
