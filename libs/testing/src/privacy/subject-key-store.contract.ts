import type { DataSubject, SubjectKeyStore } from '@talentloop/privacy';
import { randomUUID } from 'node:crypto';

/** A subject no other test uses, so the suite runs against a shared database. */
const freshSubject = (tenantId = 'acme'): DataSubject => ({
  tenantId,
  subjectId: `emp-${randomUUID()}`,
});

/**
 * The behaviour every SubjectKeyStore adapter must show. `open` gives a store over the same
 * storage each time it is called (a second process, as far as the store can tell).
 */
export function describeSubjectKeyStoreContract(
  name: string,
  open: () => Promise<SubjectKeyStore>,
): void {
  describe(`${name} (SubjectKeyStore contract)`, () => {
    let store: SubjectKeyStore;
    let other: SubjectKeyStore;

    beforeAll(async () => {
      store = await open();
      other = await open();
    });

    afterAll(async () => {
      await store?.close();
      await other?.close();
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
