/**
 * What the webhook benches compare against: CloudEvents bodies like the service sends, and a
 * bare `http.request` with a keep-alive agent POSTing them, signed before timing, so the
 * receiver does the same work as for a real delivery while the sending side does the least.
 */
import { randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { signDelivery } from '@talentloop/notifications-domain';

/** A CloudEvents document of about `bytes` bytes, as the notifications service sends. */
export const cloudEventBody = (index: number, bytes: number): string => {
  const event = {
    specversion: '1.0',
    id: randomUUID(),
    source: '/talentloop/planning',
    type: 'talentloop.planning.GoalProgressRecorded.v1',
    subject: `employee-${index % 1_000}`,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { goalId: randomUUID(), progress: index % 100, note: '' },
  };
  event.data.note = 'n'.repeat(Math.max(0, bytes - JSON.stringify(event).length));
  return JSON.stringify(event);
};

/**
 * Headers signed now for each body (valid for the Standard Webhooks tolerance of 5 minutes):
 * made before timing, so the raw path signs nothing while timed.
 */
export const preSignedHeaders = (
  bodies: readonly string[],
  ids: readonly string[],
  secret: string,
): Record<string, string>[] =>
  bodies.map((payload, index) => ({
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
    ...signDelivery({ id: ids[index], timestamp: new Date(), payload, secrets: [secret] }),
  }));

/**
 * A task POSTing body `index` (modulo their number) with its pre-signed headers through
 * `agent`, resolved once the whole answer is read; `status` sees each answer's status.
 */
export const rawRequests =
  (
    url: string,
    agent: Agent,
    bodies: readonly string[],
    headers: readonly Record<string, string>[],
    status: (code: number | undefined) => void,
  ) =>
  (index: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      request(url, { method: 'POST', agent, headers: headers[index % bodies.length] })
        .on('response', (response) => {
          status(response.statusCode);
          response.resume().on('end', resolve).on('error', reject);
        })
        .on('error', reject)
        .end(bodies[index % bodies.length]);
    });
