import { openSubjectKeyStore, subjectKeyStoreConfigFromEnv } from '../create-subject-key-store';
import { DEVELOPMENT_KEK_ID } from '../local-key-encryption-key';

/**
 * Wraps every data key of the configured key store (KEY_STORE, PRIVACY_KEK…) with the current
 * KEK: once after upgrading from a store of unwrapped keys, and in every KEK rotation once each
 * service was given the new KEK (with the old one in PRIVACY_KEK_PREVIOUS). Safe to run again,
 * and while the services run. Answers what it did.
 */
export const rewrapKeys = async (env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const config = subjectKeyStoreConfigFromEnv(env);
  const store = await openSubjectKeyStore(config);
  try {
    const rewrapped = await store.rewrap();
    const kekId = config.kek.kind === 'secret' ? config.kek.current.id : DEVELOPMENT_KEK_ID;
    return `${rewrapped.toString()} data ${rewrapped === 1 ? 'key' : 'keys'} rewrapped with KEK ${kekId}`;
  } finally {
    await store.close();
  }
};

if (require.main === module)
  rewrapKeys().then(
    (report) => process.stdout.write(`${report}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
