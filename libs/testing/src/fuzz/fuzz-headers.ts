// Request headers that authenticate no one, or that an authenticated request carries oddly.
import fc, { type Arbitrary } from 'fast-check';

/** Header values fetch can send (no CR, LF or NUL) that no identity check can accept. */
const headerGarbage = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019 =+/._-,;!~\t'), maxLength: 60 }),
  // Header values are bytes: latin-1 at most.
  fc.constantFrom('', ' ', 'null', 'undefined', '[object Object]', 'é', 'ünïcödé', 'ÿþ'),
);

/** Oversized, yet all headers together stay under Node's 16 kB limit (else a bare 431). */
const oversized = fc.integer({ min: 1000, max: 8000 }).map((length) => 'A'.repeat(length));

/** An id header value that the id pattern refuses, even after trimming. */
const badIdHeader = fc.oneof(
  fc.constantFrom('a b', 'a/b', '../x', 'é', 'a,b', '*', '%00'),
  fc.integer({ min: 129, max: 400 }).map((length) => 'u'.repeat(length)),
  fc.string({ unit: fc.constantFrom(...'abc019 /é,'), maxLength: 20 }).map((text) => `x/${text}`),
);

/**
 * Headers that authenticate no one: garbage or oversized `Authorization` (bearer or not, JWT
 * shaped or not), identity headers that the id pattern refuses, bogus content types.
 */
export const unauthenticatedHeaders = (): Arbitrary<Record<string, string>> =>
  fc.record(
    {
      authorization: fc.oneof(
        headerGarbage,
        oversized,
        oversized.map((garbage) => `Bearer ${garbage}`),
        headerGarbage.map((garbage) => `Bearer ${garbage}`),
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'Basic YWRtaW46YWRtaW4=',
          'Bearer a.b.c',
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
        ),
        fc
          .tuple(
            fc.base64String({ maxLength: 40 }),
            fc.base64String({ maxLength: 200 }),
            fc.base64String({ maxLength: 40 }),
          )
          .map((parts) => `Bearer ${parts.join('.')}`),
      ),
      'x-tenant-id': fc.oneof(headerGarbage, fc.constant('acme')),
      'x-user-id': badIdHeader,
      'x-roles': fc.oneof(
        headerGarbage,
        fc.constantFrom('root', 'admin,root', 'hr;admin', ',', ' '),
      ),
      'content-type': fc.oneof(
        headerGarbage,
        fc.constantFrom('application/json', 'application/json; charset=bogus'),
      ),
    },
    { requiredKeys: ['x-user-id'] },
  );

/**
 * Headers an authenticated request may carry besides its token: garbage idempotency keys and
 * replay positions, odd `accept` values (never `text/event-stream`, whose stream stays open).
 */
export const oddRequestHeaders = (): Arbitrary<Record<string, string>> =>
  fc.record(
    {
      'idempotency-key': fc.oneof(headerGarbage, fc.constantFrom('0', '-1', 'x'.repeat(300))),
      'last-event-id': fc.oneof(
        headerGarbage,
        fc.constantFrom('0', '-1', '1.5', '18446744073709551616', '99999999999999999999'),
      ),
      accept: fc.constantFrom('application/x-ndjson', 'application/json', '*/*', 'garbage', ''),
    },
    { requiredKeys: [] },
  );
