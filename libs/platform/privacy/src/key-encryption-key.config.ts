import { ConfigError, requiredString } from '@talentloop/config';
import type { KeyEncryptionKey } from './key-encryption-key.port';
import {
  developmentKek,
  KEK_BYTES,
  KEK_ID_PATTERN,
  LocalKeyEncryptionKey,
  type KekSecret,
} from './local-key-encryption-key';

export type KeyEncryptionKeyConfig =
  | {
      readonly kind: 'secret';
      readonly current: KekSecret;
      /** KEKs that unwrap but no longer wrap: retired ones, until every key is rewrapped. */
      readonly previous: readonly KekSecret[];
    }
  /** Generated once beside the SQLite file at `keyStorePath`: the embedded default only. */
  | { readonly kind: 'development'; readonly keyStorePath: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SHAPE = `the base64 of ${KEK_BYTES.toString()} random bytes (openssl rand -base64 32)`;

/** 32 bytes from base64, or undefined when the text is not that. */
const keyBytesOf = (text: string): Buffer | undefined => {
  const key = BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
  return key?.length === KEK_BYTES ? key : undefined;
};

/** The settings that mean a production deployment: a development KEK is refused beside them. */
const PRODUCTION_SETTINGS = [
  ['KEY_STORE', 'mongo'],
  ['BUS', 'kafka'],
  ['READ_MODELS', 'mongo'],
  ['EVENT_STORE', 'esdb'],
] as const;

const previousFromEnv = (env: NodeJS.ProcessEnv, current: KekSecret): KekSecret[] => {
  const given = env['PRIVACY_KEK_PREVIOUS']?.trim();
  if (!given) return [];
  const ids = new Set([current.id]);
  return given.split(',').map((entry) => {
    const [id = '', text = ''] = entry.trim().split(':');
    const key = keyBytesOf(text);
    if (!KEK_ID_PATTERN.test(id) || !key || ids.has(id))
      throw new ConfigError(
        'PRIVACY_KEK_PREVIOUS',
        `must list <id>:<${SHAPE}>, comma-separated, each id once and none PRIVACY_KEK_ID`,
      );
    ids.add(id);
    return { id, key };
  });
};

/**
 * The key-encryption key that wraps the subjects' data keys: PRIVACY_KEK (base64 of 32
 * bytes) named PRIVACY_KEK_ID, with PRIVACY_KEK_PREVIOUS (`id:base64,…`) still unwrapping
 * during a rotation. Without PRIVACY_KEK, the embedded default generates one beside its
 * SQLite key store; a production deployment (MongoDB keys, Kafka, MongoDB read models,
 * EventStoreDB) must be given one. Throws a ConfigError naming the variable.
 */
export const keyEncryptionKeyConfigFromEnv = (
  env: NodeJS.ProcessEnv,
  keyStorePath: string | undefined,
): KeyEncryptionKeyConfig => {
  const text = env['PRIVACY_KEK']?.trim();
  if (!text) {
    const production = PRODUCTION_SETTINGS.find(([name, value]) => env[name]?.trim() === value);
    if (production || keyStorePath === undefined)
      throw new ConfigError(
        'PRIVACY_KEK',
        `is required when ${production ? `${production[0]}=${production[1]}` : 'the keys are not in SQLite'}: the data keys are wrapped with it`,
      );
    return { kind: 'development', keyStorePath };
  }
  const key = keyBytesOf(text);
  if (!key) throw new ConfigError('PRIVACY_KEK', `must be ${SHAPE}`);
  const id = requiredString(env, 'PRIVACY_KEK_ID', 'when PRIVACY_KEK is set', {
    pattern: KEK_ID_PATTERN,
    shape: 'a short id such as kek-2026-11 (letters, digits, . _ -)',
  });
  const current = { id, key };
  return { kind: 'secret', current, previous: previousFromEnv(env, current) };
};

/** The KEK a configuration names (the development one is read, or made, now). */
export const openKeyEncryptionKey = (config: KeyEncryptionKeyConfig): KeyEncryptionKey =>
  config.kind === 'secret'
    ? new LocalKeyEncryptionKey(config.current, config.previous)
    : new LocalKeyEncryptionKey(developmentKek(config.keyStorePath));
