import { randomBytes } from 'node:crypto';
import { ownedKey } from './personal-data-cipher';

describe('a data key before it is cached', () => {
  it('is copied into memory of its own when it is a slice of a larger buffer', () => {
    // given a key made the way an unwrap makes it: Buffer.concat, a slice of Node's pool
    const key = Buffer.concat([randomBytes(16), randomBytes(16)]);
    expect(key.buffer.byteLength).toBeGreaterThan(key.byteLength);

    // when it is made ready for the cache
    const owned = ownedKey({ kind: 'key', key });

    // then it holds the same 32 bytes, and nothing more
    expect(owned).toEqual({ kind: 'key', key });
    expect(owned?.kind === 'key' && owned.key.buffer.byteLength).toBe(32);
  });

  it('is kept as it is when it already owns its memory', () => {
    // given a key with a buffer of its own
    const own = { kind: 'key' as const, key: randomBytes(32) };

    // when it is made ready for the cache, then it is the very same key
    expect(ownedKey(own)).toBe(own);
  });

  it('passes an erased or an unknown subject through', () => {
    expect(ownedKey({ kind: 'erased' })).toEqual({ kind: 'erased' });
    expect(ownedKey(undefined)).toBeUndefined();
  });
});
