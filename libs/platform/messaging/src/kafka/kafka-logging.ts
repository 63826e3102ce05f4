import type { logCreator, logLevel } from 'kafkajs';
import { messageOf } from '../errors';
import { kafkaJs } from './kafka-driver';

/**
 * kafkajs logs every rebalance and reconnect at INFO and prints its own JSON lines; we keep
 * WARN and ERROR only, one readable line each, through the console the services already use.
 * Its Connection layer also logs every error *response* at ERROR (a heartbeat answered
 * "rebalancing", a coordinator still loading) although the layer above retries or rejoins
 * and logs if that fails; those echoes are dropped.
 */
export const kafkaLogCreator: logCreator = () => {
  // Read when kafkajs builds its logger: kafkajs is loaded on first use (see kafka-driver).
  const { WARN, ERROR } = kafkaJs().logLevel;
  return ({ namespace, level, log }) => {
    if (level > WARN) return;
    const { message, error } = log as { message: string; error?: unknown };
    if (namespace === 'Connection' && message.startsWith('Response ')) return;
    const line = `[kafkajs] ${namespace}: ${message}${error === undefined ? '' : ` (${messageOf(error)})`}`;
    if (level === ERROR) console.error(line);
    else console.warn(line);
  };
};

/** WARN, read when a client is built: kafkajs is loaded on first use (see kafka-driver). */
export const kafkaLogLevel = (): logLevel => kafkaJs().logLevel.WARN;
