import { randomUUID } from 'node:crypto';

const SKIP_REASON = 'MONGODB_URI is not set (run deploy/test-infra/up.sh)';

/**
 * Registers a MongoDB suite when MONGODB_URI names a server, else one skipped test that says
 * why it did not run, counted as skipped in jest's summary (CI always sets it).
 */
export function describeWithMongo(title: string, body: (uri: string) => void): void {
  const uri = process.env['MONGODB_URI']?.trim();
  if (!uri) {
    console.warn(`MongoDB suite SKIPPED: ${SKIP_REASON}`);
    describe(title, () => {
      it.skip(`is skipped: ${SKIP_REASON}`, () => undefined);
    });
    return;
  }
  describe(title, () => body(uri));
}

/** A database of its own for one test file, so runs never see each other's data. */
export const testDatabaseName = (purpose: string): string =>
  `test_${purpose}_${randomUUID().slice(0, 8)}`;
