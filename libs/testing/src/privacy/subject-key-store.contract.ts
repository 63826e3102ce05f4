import {
  LocalKeyEncryptionKey,
  UnknownKeyEncryptionKeyError,
  type DataSubject,
  type KeyEncryptionKey,
  type SubjectKeyStore,
} from '@talentloop/privacy';
import { randomBytes, randomUUID } from 'node:crypto';

/** A subject no other test uses, so the suite runs against a shared database. */
const freshSubject = (tenantId = 'acme'): DataSubject => ({
  tenantId,
  subjectId: `emp-${randomUUID()}`,
});

/** A key-encryption key from fresh random bytes, as PRIVACY_KEK would give one. */
const kekNamed = (id: string) => ({ id, key: randomBytes(32) });

/**
 * The behaviour every SubjectKeyStore adapter must show. `open` gives a store over the storage
 * named (a file, a database): over the same storage each time it is given the same name (a
 * second process, as far as the store can tell), wrapping its keys with the KEK given.
 */
export function describeSubjectKeyStoreContract(
  name: string,
  open: (kek: KeyEncryptionKey, storage: 'shared' | 'rotation') => Promise<SubjectKeyStore>,
): void {
  describe(`${name} (SubjectKeyStore contract)`, () => {
    const kek = new LocalKeyEncryptionKey(kekNamed('contract'));
    let store: SubjectKeyStore;
    let other: SubjectKeyStore;
    const opened: SubjectKeyStore[] = [];
    /** Another process over the storage named, with the KEK given. */
    const openWith = async (given: KeyEncryptionKey, storage: 'shared' | 'rotation' = 'shared') => {
      const one = await open(given, storage);
      opened.push(one);
      return one;
    };

    beforeAll(async () => {
      store = await open(kek, 'shared');
      other = await open(kek, 'shared');
    });

    afterAll(async () => {
      await store?.close();
      await other?.close();
      for (const one of opened.splice(0)) await one.close();
    });

    describe('a subject without a key', () => {
      it('has none until one is asked for', async () => {
        expect(await store.find(freshSubject())).toBeUndefined();
      });

      it('gets a 256-bit key on first use, and the same key from then on, in every process', async () => {
        const subject = freshSubject();

        const created = await store.keyFor(subject);

        expect(created.kind).toBe('key');
        expect(created.kind === 'key' && created.key.length).toBe(32);
        expect(await store.keyFor(subject)).toEqual(created);
        expect(await other.find(subject)).toEqual(created);
      });

      it('gets one key when two processes ask at once', async () => {
        const subject = freshSubject();

        const keys = await Promise.all([
          store.keyFor(subject),
          other.keyFor(subject),
          store.keyFor(subject),
          other.keyFor(subject),
        ]);

        const distinct = new Set(
          keys.map((key) => (key.kind === 'key' ? key.key.toString('hex') : key.kind)),
        );
        expect([...distinct]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
      });

      it('keeps tenants apart: the same id in two tenants has two keys', async () => {
        const subject = freshSubject('acme');
        const namesake = { ...subject, tenantId: 'globex' };

        const [mine, theirs] = [await store.keyFor(subject), await store.keyFor(namesake)];

        expect(mine).not.toEqual(theirs);
      });
    });

    describe('a key as stored', () => {
      it('opens nothing without the KEK it was wrapped with', async () => {
        // given a key wrapped with this store's KEK
        const subject = freshSubject();
        await store.keyFor(subject);

        // when a process given another KEK reads it
        const stranger = await openWith(new LocalKeyEncryptionKey(kekNamed('stranger')));

        // then it is refused, not taken for a key
        await expect(stranger.find(subject)).rejects.toBeInstanceOf(UnknownKeyEncryptionKeyError);
      });

      it('moves to a new KEK: new keys are wrapped with it, rewrap moves the old ones, then the old KEK can go', async () => {
        // given keys wrapped with the old KEK, and the new one current while the old one still
        // unwraps (storage of its own: a rewrap moves every key in it)
        const old = kekNamed('rotation-old');
        const next = kekNamed('rotation-new');
        const before = await openWith(new LocalKeyEncryptionKey(old), 'rotation');
        const subject = freshSubject();
        const created = await before.keyFor(subject);
        const during = await openWith(new LocalKeyEncryptionKey(next, [old]), 'rotation');
        const later = freshSubject();
        const createdLater = await during.keyFor(later);
        const erased = freshSubject();
        await before.keyFor(erased);
        await before.destroy(erased);

        // when every key is rewrapped with the new KEK
        await during.rewrap();

        // then the new KEK alone opens them all, the erased one stays erased, and nothing is left to do
        const after = await openWith(new LocalKeyEncryptionKey(next), 'rotation');
        expect(await after.find(subject)).toEqual(created);
        expect(await after.find(later)).toEqual(createdLater);
        expect(await after.find(erased)).toEqual({ kind: 'erased' });
        expect(await during.rewrap()).toBe(0);
        await expect(before.find(subject)).rejects.toBeInstanceOf(UnknownKeyEncryptionKeyError);
      });
    });

    describe('an erased subject', () => {
      it('has no key any more, in any process, and never gets one again', async () => {
        const subject = freshSubject();
        await store.keyFor(subject);

        await store.destroy(subject);

        expect(await store.find(subject)).toEqual({ kind: 'erased' });
        expect(await other.find(subject)).toEqual({ kind: 'erased' });
        expect(await other.keyFor(subject)).toEqual({ kind: 'erased' });
      });

      it('is erased again without error (erasure is idempotent)', async () => {
        const subject = freshSubject();
        await store.keyFor(subject);
        await store.destroy(subject);

        await other.destroy(subject);

        expect(await store.find(subject)).toEqual({ kind: 'erased' });
      });

      it('stays erased when it never had a key', async () => {
        const subject = freshSubject();

        await store.destroy(subject);

        expect(await store.keyFor(subject)).toEqual({ kind: 'erased' });
      });

      it('leaves the namesake in another tenant alone', async () => {
        const subject = freshSubject('acme');
        const namesake = { ...subject, tenantId: 'globex' };
        const theirs = await store.keyFor(namesake);
        await store.keyFor(subject);

        await store.destroy(subject);

        expect(await store.find(namesake)).toEqual(theirs);
      });
    });
  });
}
