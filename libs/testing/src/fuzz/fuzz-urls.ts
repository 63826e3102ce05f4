// Path segments and query strings a request must be refused for, or that name nothing.
import fc, { type Arbitrary } from 'fast-check';
import { plainText } from './fuzz-text';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An id that matches the contracts' id pattern but names nothing. */
export const unknownId = (): Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...ID_CHARS), minLength: 6, maxLength: 24 })
    .map((tail) => `fuzz-${tail}`);

/**
 * A path segment (already percent-encoded) that no id pattern accepts: too long, unicode,
 * dot segments, encoded slashes and backslashes, control characters, spaces, broken escapes.
 */
export const malformedIdSegment = (): Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: 129, max: 2000 }).map((length) => 'a'.repeat(length)),
    fc.constantFrom(
      '..',
      '.',
      '%2E%2E',
      '..%2F..%2Fetc%2Fpasswd',
      '%2F',
      'a%2Fb',
      '%5C..%5C',
      '%00',
      'a%00b',
      '%0D%0Aset-cookie%3A%20x',
      '%1B%5B31m',
      '%20',
      '%20%20',
      'a%20b',
      '%25',
      '%ZZ',
      '%',
      '-leading-dash',
      '_leading',
      '%E2%80%AE',
      '%C3%A9',
      '%F0%9F%98%80',
      '%EF%BF%BD',
      '%C0%AF',
      'a;b',
      'a%3Cscript%3E',
      "a'%20OR%20'1'%3D'1",
    ),
    plainText(30)
      .filter((text) => /[^A-Za-z0-9._:@-]/.test(text))
      .map((text) => encodeURIComponent(`x${text}`)),
  );

/** A query string (with its `?`) of garbage: unknown, repeated, nested, huge and broken values. */
export const junkQuery = (knownNames: readonly string[] = []): Arbitrary<string> => {
  const name = fc.oneof(
    ...(knownNames.length > 0 ? [fc.constantFrom(...knownNames)] : []),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'a[b]', 'a[]', 'limit', 'after', 'x'),
  );
  const value = fc.oneof(
    plainText(20).map(encodeURIComponent),
    fc.constantFrom(
      '',
      '-1',
      '0',
      '1e309',
      'NaN',
      '99999999999999999999999',
      '%ZZ',
      '%00',
      '[]',
      '{}',
    ),
    // Numbers and dates just outside what parsers take.
    fc.constantFrom(
      '18446744073709551616',
      '-9223372036854775809',
      '0x10',
      '1.5',
      '%201',
      '1%2C2',
      '2026-13-45',
      '2026-02-30',
      '0000-00-00',
      '9999-12-31T23%3A59%3A60Z',
      '2026-Q9',
      '2026-H3',
      'GoalDrafted%2CNoSuchEvent',
      '%2C%2C',
    ),
    // Long, but the whole request line stays under Node's 16 kB header limit (else a bare 431).
    fc.integer({ min: 1000, max: 3000 }).map((length) => 'q'.repeat(length)),
    fc.date({ noInvalidDate: false }).map((date) => encodeURIComponent(String(date))),
  );
  return fc
    .array(fc.tuple(name, value), { minLength: 1, maxLength: 3 })
    .map((pairs) => `?${pairs.map(([key, text]) => `${key}=${text}`).join('&')}`);
};
