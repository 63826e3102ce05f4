/**
 * kafkajs 2.2.4 re-armed a 1 ms timer for ever on every broker connection once a request had
 * been answered (tulios/kafkajs#1704, #1751); patches/kafkajs+2.2.4.patch stops it. This fails
 * when the patch is not applied (a install without its postinstall, or a kafkajs upgrade that
 * dropped it while the defect is still there).
 */
import { createRequire } from 'node:module';

interface RequestQueue {
  checkPendingRequests(): void;
  destroy(): void;
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
}
type RequestQueueClass = new (options: Record<string, unknown>) => RequestQueue;

const RequestQueue = createRequire(require.resolve('kafkajs'))(
  './src/network/requestQueue',
) as RequestQueueClass;

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const queue = () =>
  new RequestQueue({
    clientId: 'test',
    broker: 'localhost:1',
    logger: silent,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
  });

describe("kafkajs' request queue, as patched", () => {
  it('arms no timer when nothing is pending and nothing throttles', () => {
    const idle = queue();
    try {
      idle.checkPendingRequests();
      expect(idle.throttleCheckTimeoutId).toBeNull();
    } finally {
      idle.destroy();
    }
  });

  it('still checks again when the broker throttles', () => {
    const throttled = queue();
    try {
      throttled.throttledUntil = Date.now() + 5_000;
      throttled.checkPendingRequests();
      expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      throttled.destroy();
    }
  });
});
