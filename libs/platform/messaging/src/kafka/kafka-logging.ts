import { logLevel, type logCreator } from 'kafkajs';
import { messageOf } from '../errors';

/**
 * kafkajs logs every rebalance and reconnect at INFO and prints its own JSON lines; we keep
 * WARN and ERROR only, one readable line each, through the console the services already use.
 * Its Connection layer also logs every error *response* at ERROR (a heartbeat answered
 * "rebalancing", a coordinator still loading) although the layer above retries or rejoins
 * and logs if that fails; those echoes are dropped.
 */
export const kafkaLogCreator: logCreator =
  () =>
  ({ namespace, level, log }) => {
    if (level > logLevel.WARN) return;
    const { message, error } = log as { message: string; error?: unknown };
    if (namespace === 'Connection' && message.startsWith('Response ')) return;
    const line = `[kafkajs] ${namespace}: ${message}${error === undefined ? '' : ` (${messageOf(error)})`}`;
    if (level === logLevel.ERROR) console.error(line);
    else console.warn(line);
  };

export const kafkaLogLevel = logLevel.WARN;
