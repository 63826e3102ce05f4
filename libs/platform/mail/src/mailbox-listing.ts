import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MailboxEntry {
  /** The file's name in the folder. */
  readonly file: string;
  /** The Date header, ISO 8601. */
  readonly date: string;
  /** The To header, decoded: `Renée Jansen <renee@example.com>`. */
  readonly to: string;
  readonly subject: string;
}

/** `=?charset?B|Q?text?=` (RFC 2047), the charset possibly with a `*language`. */
const ENCODED_WORD = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;

const bytesOf = (encoding: string, text: string): Buffer =>
  encoding.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64')
    : Buffer.from(
        text
          .replace(/_/g, ' ')
          .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
            String.fromCharCode(parseInt(hex, 16)),
          ),
        'latin1',
      );

/**
 * A header value with its encoded words decoded. Adjacent words of one charset are joined as
 * bytes before decoding (a character may be split across two), and the space between them goes.
 */
export const decodeHeaderValue = (value: string): string => {
  let decoded = '';
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  let last = 0;
  const flush = () => {
    if (pending) decoded += new TextDecoder(pending.charset).decode(Buffer.concat(pending.bytes));
    pending = undefined;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const charset = match[1].toLowerCase();
    if (!(pending && /^\s*$/.test(between) && pending.charset === charset)) {
      flush();
      decoded += between;
    }
    (pending ??= { charset, bytes: [] }).bytes.push(bytesOf(match[2], match[3]));
    last = match.index + match[0].length;
  }
  flush();
  return decoded + value.slice(last);
};

/** The header block's fields, unfolded, by lower-case name; the first of a repeated one. */
const headersOf = (message: string): Map<string, string> => {
  const end = message.search(/\r?\n\r?\n/);
  const block = (end < 0 ? message : message.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
};

/**
 * The mails in a mailbox folder (`createMailTransport` without `smtpUrl`), oldest first, read
 * from their headers; no folder yet is an empty mailbox. Reads the headers itself rather than
 * with mailparser: the services bundle this library, and mailparser would add some 1.6 MB (a
 * quarter) to the notifications bundle for a listing that only the demo prints.
 */
export const listMailbox = async (dir: string): Promise<MailboxEntry[]> => {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
      .map(async (file): Promise<MailboxEntry> => {
        const headers = headersOf(await readFile(join(dir, file), 'utf8'));
        const date = new Date(headers.get('date') ?? '');
        return {
          file,
          date: Number.isNaN(date.getTime()) ? '' : date.toISOString(),
          to: decodeHeaderValue(headers.get('to') ?? ''),
          subject: decodeHeaderValue(headers.get('subject') ?? ''),
        };
      }),
  );
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
};
