import {
  canonicalJson,
  completedRecord,
  decideIdempotency,
  fingerprintOf,
  IDEMPOTENCY_LIMITS,
  idempotencyRecordIdOf,
  idempotentCommandIdOf,
  inFlightRecord,
  isReplayable,
  isValidIdempotencyKey,
  type IdempotencyScope,
} from './idempotency';

const now = Date.parse('2026-03-01T09:00:00.000Z');
const minutes = (count: number) => count * 60_000;

const scope: IdempotencyScope = {
  tenantId: 'acme',
  userId: 'emp-1001',
  method: 'POST',
  path: '/goals/goal-1/check-ins',
};

const parsed = (body: unknown) => ({ parsed: true, body, query: {} }) as const;

const fingerprint = fingerprintOf(parsed({ gapId: 'gap-1' }));
const otherFingerprint = fingerprintOf(parsed({ gapId: 'gap-2' }));

describe('an Idempotency-Key', () => {
  it.each([
    ['a UUID', '8e0f7c2a-4d1b-4c36-9f5e-2b7a1c9d0e41'],
    ['one character', 'x'],
    ['255 characters', 'k'.repeat(255)],
    ['spaces and punctuation', '"order 42" ~!@#'],
  ])('is accepted as %s', (_, key) => expect(isValidIdempotencyKey(key)).toBe(true));

  it.each([
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
    ['not ASCII', 'clé'],
    ['holding a control character', 'a\tb'],
  ])('is refused when %s', (_, key) => expect(isValidIdempotencyKey(key)).toBe(false));
});

describe('the scope of a key', () => {
  it('gives each request its own record and command id: caller, tenant, method and path count', () => {
    // given one key sent in five different scopes
    const scopes = [
      scope,
      { ...scope, tenantId: 'globex' },
      { ...scope, userId: 'emp-1002' },
      { ...scope, method: 'PUT' },
      { ...scope, path: '/goals/goal-2/check-ins' },
    ];

    // when their records and command ids are derived
    const records = scopes.map((each) => idempotencyRecordIdOf(each, 'key-1'));
    const commandIds = scopes.map((each) => idempotentCommandIdOf(each, 'key-1'));

    // then no two share one
    expect(new Set(records).size).toBe(scopes.length);
    expect(new Set(commandIds).size).toBe(scopes.length);
  });

  it('derives the same command id for every retry, in UUID layout', () => {
    // given a request sent twice with one key
    // when its command id is derived each time
    const first = idempotentCommandIdOf(scope, 'key-1');
    const retry = idempotentCommandIdOf({ ...scope }, 'key-1');

    // then it is the same id, shaped like the random ids sent without a key
    expect(retry).toBe(first);
    expect(first).toMatch(/^[\da-f]{8}-[\da-f]{4}-8[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    expect(first).not.toBe(idempotentCommandIdOf(scope, 'key-2'));
  });
});

describe('the fingerprint of a request', () => {
  it('ignores the order of keys at any depth', () => {
    // given two bodies that differ only in key order
    const one = { gapId: 'gap-1', target: { kind: 'competency', competencyId: 'c-1' } };
    const other = { target: { competencyId: 'c-1', kind: 'competency' }, gapId: 'gap-1' };

    // when they are fingerprinted
    // then they are the same request
    expect(fingerprintOf(parsed(one))).toBe(fingerprintOf(parsed(other)));
    expect(canonicalJson(other)).toBe(
      '{"gapId":"gap-1","target":{"competencyId":"c-1","kind":"competency"}}',
    );
  });

  it('tells bodies apart by any value, and arrays by order', () => {
    expect(fingerprintOf(parsed({ gapId: 'gap-1' }))).not.toBe(
      fingerprintOf(parsed({ gapId: 'gap-2' })),
    );
    expect(fingerprintOf(parsed({ ids: ['a', 'b'] }))).not.toBe(
      fingerprintOf(parsed({ ids: ['b', 'a'] })),
    );
  });

  it('tells a body apart from the same body with another query', () => {
    expect(fingerprintOf(parsed({ a: 1 }))).not.toBe(
      fingerprintOf({ parsed: true, body: { a: 1 }, query: { dryRun: 'true' } }),
    );
  });

  it('of a body Nest did not parse is what its headers and query say', () => {
    // given two CSV uploads Nest left unread: the same length, then another length
    const csv = (contentLength: string) =>
      ({ parsed: false, contentType: 'text/csv', contentLength, query: {} }) as const;

    // when they are fingerprinted
    // then only the length tells them apart
    expect(fingerprintOf(csv('120'))).toBe(fingerprintOf(csv('120')));
    expect(fingerprintOf(csv('120'))).not.toBe(fingerprintOf(csv('121')));
  });

  it('survives a body nested thousands of levels deep', () => {
    // given a body as deep as the JSON parser accepts within the body limit
    const deep = JSON.parse(`${'['.repeat(40_000)}${']'.repeat(40_000)}`) as unknown;

    // when it is fingerprinted
    // then it has a fingerprint, not a stack overflow
    expect(fingerprintOf(parsed(deep))).toMatch(/^[\da-f]{64}$/);
  });
});

describe('a key nobody used', () => {
  it('lets the request run', () =>
    expect(decideIdempotency(undefined, fingerprint, now)).toEqual({ kind: 'run' }));
});

describe('a key whose request succeeded', () => {
  const completed = completedRecord(fingerprint, 201, now);

  it('replays the same request: its handler runs again under the same command id', () =>
    expect(decideIdempotency(completed, fingerprint, now + minutes(5))).toEqual({
      kind: 'replay',
      status: 201,
    }));

  it('keeps no response body: nothing personal outlives an erasure there', () =>
    expect(Object.keys(completed).sort()).toEqual(['expiresAt', 'fingerprint', 'state', 'status']));

  it('refuses another request under the same key', () =>
    expect(decideIdempotency(completed, otherFingerprint, now + minutes(5))).toEqual({
      kind: 'reused',
    }));

  it('is forgotten after 24 hours: the key runs again', () =>
    expect(decideIdempotency(completed, fingerprint, now + IDEMPOTENCY_LIMITS.retentionMs)).toEqual(
      { kind: 'run' },
    ));
});

describe('a key whose request is still in flight', () => {
  const inFlight = inFlightRecord(fingerprint, now);

  it('asks a retry to come back shortly', () =>
    expect(decideIdempotency(inFlight, fingerprint, now + 200)).toEqual({
      kind: 'in-use',
      retryAfterSeconds: 1,
    }));

  it('refuses another request under the same key', () =>
    expect(decideIdempotency(inFlight, otherFingerprint, now + 200)).toEqual({ kind: 'reused' }));

  it('is taken over once in flight longer than any request takes (its process is gone)', () =>
    expect(decideIdempotency(inFlight, fingerprint, now + IDEMPOTENCY_LIMITS.inFlightMs)).toEqual({
      kind: 'take-over',
    }));
});

describe('a response', () => {
  it.each([200, 201, 204])('is kept for replay when it is a success (%i)', (status) =>
    expect(isReplayable(status)).toBe(true),
  );

  it.each([400, 404, 409, 422, 500, 503])(
    'is not kept when it is an error (%i): a retry runs again',
    (status) => expect(isReplayable(status)).toBe(false),
  );
});
