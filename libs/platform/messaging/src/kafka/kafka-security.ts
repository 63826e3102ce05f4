import { readFileSync } from 'node:fs';
import { ConfigError, oneOf, requiredString, stringOr } from '@talentloop/config';
import type { KafkaConfig } from 'kafkajs';

/**
 * How a client proves who it is to the brokers. PLAINTEXT: nobody (a broker on a private
 * network only, or a test broker). SASL_SSL: TLS (the brokers' certificate checked against
 * the system's CAs, or the CA file given) and a SCRAM user, one per service, whose ACLs say
 * what it may read and write (topology/acls.ts).
 */
export type KafkaSecurity =
  | { readonly protocol: 'PLAINTEXT' }
  | {
      readonly protocol: 'SASL_SSL';
      readonly mechanism: 'scram-sha-512' | 'scram-sha-256';
      readonly username: string;
      readonly password: string;
      /** A PEM file of the CA(s) that signed the brokers' certificates; the system's if unset. */
      readonly caFile: string | undefined;
    };

export const PLAINTEXT: KafkaSecurity = { protocol: 'PLAINTEXT' };

/**
 * KAFKA_SECURITY_PROTOCOL = PLAINTEXT (default) | SASL_SSL; with SASL_SSL:
 * KAFKA_SASL_MECHANISM = SCRAM-SHA-512 (default) | SCRAM-SHA-256, KAFKA_SASL_USERNAME and
 * KAFKA_SASL_PASSWORD (required), KAFKA_SSL_CA_FILE (optional).
 */
export const kafkaSecurityFromEnv = (env: NodeJS.ProcessEnv): KafkaSecurity => {
  const protocol = oneOf(env, 'KAFKA_SECURITY_PROTOCOL', ['PLAINTEXT', 'SASL_SSL'], 'PLAINTEXT');
  if (protocol === 'PLAINTEXT') return PLAINTEXT;
  const why = 'when KAFKA_SECURITY_PROTOCOL=SASL_SSL';
  const mechanism = oneOf(
    env,
    'KAFKA_SASL_MECHANISM',
    ['SCRAM-SHA-512', 'SCRAM-SHA-256'],
    'SCRAM-SHA-512',
  );
  const caFile = stringOr(env, 'KAFKA_SSL_CA_FILE', '');
  return {
    protocol,
    mechanism: mechanism === 'SCRAM-SHA-512' ? 'scram-sha-512' : 'scram-sha-256',
    username: requiredString(env, 'KAFKA_SASL_USERNAME', why),
    password: requiredString(env, 'KAFKA_SASL_PASSWORD', why),
    caFile: caFile === '' ? undefined : caFile,
  };
};

/** The kafkajs settings for it; a CA file that cannot be read stops the client at creation. */
export const kafkaJsSecurity = (security: KafkaSecurity): Pick<KafkaConfig, 'ssl' | 'sasl'> => {
  if (security.protocol === 'PLAINTEXT') return {};
  let ca: string[] | undefined;
  if (security.caFile !== undefined) {
    try {
      ca = [readFileSync(security.caFile, 'utf8')];
    } catch (error) {
      throw new ConfigError(
        'KAFKA_SSL_CA_FILE',
        `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
  const { mechanism, username, password } = security;
  return {
    ssl: ca ? { ca, rejectUnauthorized: true } : { rejectUnauthorized: true },
    // (kafkajs types each mechanism apart: the two branches narrow the union for it)
    sasl:
      mechanism === 'scram-sha-512'
        ? { mechanism, username, password }
        : { mechanism, username, password },
  };
};
