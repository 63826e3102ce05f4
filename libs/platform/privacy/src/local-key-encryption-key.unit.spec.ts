import { randomBytes } from 'node:crypto';
import { UnknownKeyEncryptionKeyError } from './key-encryption-key.port';
import { LocalKeyEncryptionKey, unwrapKey, wrapKey } from './local-key-encryption-key';

const subject = { tenantId: 'acme', subjectId: 'emp-1' };
const kekNamed = (id: string) => ({ id, key: randomBytes(32) });

describe('a data key wrapped with a KEK', () => {
  const kek = kekNamed('kek-1');
  const dataKey = randomBytes(32);

  it('unwraps with that KEK for its subject, and holds none of the key’s bytes', () => {
    const wrapped = wrapKey(kek, dataKey, subject);

    expect(wrapped.kekId).toBe('kek-1');
    expect(wrapped.wrapped.length).toBe(60);
    expect(wrapped.wrapped.includes(dataKey)).toBe(false);
    expect(unwrapKey(kek, wrapped, subject)).toEqual(dataKey);
  });

  it('does not unwrap for another subject, with another KEK, or relabelled', () => {
    const wrapped = wrapKey(kek, dataKey, subject);
    const namesake = { tenantId: 'globex', subjectId: 'emp-1' };
    const relabelled = { id: 'kek-2', key: kek.key };

    expect(() => unwrapKey(kek, wrapped, namesake)).toThrow();
    expect(() => unwrapKey(kekNamed('kek-1'), wrapped, subject)).toThrow();
    expect(() => unwrapKey(relabelled, { ...wrapped, kekId: 'kek-2' }, subject)).toThrow();
  });
});

describe('the KEKs a process holds', () => {
  it('wrap with the current one and unwrap with any of them', async () => {
    // given a key wrapped before the rotation, with the KEK now previous
    const old = kekNamed('kek-old');
    const dataKey = randomBytes(32);
    const before = await new LocalKeyEncryptionKey(old).wrap(dataKey, subject);

    // when the new KEK is current and the old one still held
    const ring = new LocalKeyEncryptionKey(kekNamed('kek-new'), [old]);

    // then the old key opens, and new keys are wrapped with the new KEK
    expect(await ring.unwrap(before, subject)).toEqual(dataKey);
    expect((await ring.wrap(dataKey, subject)).kekId).toBe('kek-new');
    expect(ring.currentId).toBe('kek-new');
  });

  it('refuse a key wrapped with a KEK they do not hold, naming it', async () => {
    const wrapped = await new LocalKeyEncryptionKey(kekNamed('kek-gone')).wrap(
      randomBytes(32),
      subject,
    );

    const unwrapping = new LocalKeyEncryptionKey(kekNamed('kek-new')).unwrap(wrapped, subject);

    await expect(unwrapping).rejects.toBeInstanceOf(UnknownKeyEncryptionKeyError);
    await expect(unwrapping).rejects.toThrow("KEK 'kek-gone'");
  });

  it('are 32 bytes each, with distinct ids', () => {
    expect(() => new LocalKeyEncryptionKey({ id: 'short', key: randomBytes(16) })).toThrow();
    expect(() => new LocalKeyEncryptionKey(kekNamed('same'), [kekNamed('same')])).toThrow();
  });
});
