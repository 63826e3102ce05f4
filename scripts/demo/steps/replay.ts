import { DemoFailure } from '../http';
import { countsOf, line, runsOf, step, wrapped } from '../print';
import { integrator } from '../organisation';
import { isDeliveryEvent } from '../responses';
import { api, tenantId } from '../run';

/**
 * The tenant's whole history replayed as NDJSON, with no event of another tenant in it;
 * returns the step's summary: the cycle's events, the foreign ones and the count per type.
 */
export const replayTenant = async () => {
  step('Replay of this tenant’s history (GET /replay/events as integrator, NDJSON)');
  const replayStarted = Date.now();
  const response = await api.raw('analytics', 'GET', '/replay/events', integrator);
  const text = await response.text();
  if (!response.ok)
    throw new DemoFailure(`GET analytics/replay/events → HTTP ${response.status}`, text);
  const events = text
    .split('\n')
    .filter((row) => row.trim() !== '')
    .map((row) => JSON.parse(row) as { type: string; tenantid?: string; sequence?: string });
  const foreign = events.filter(
    (event) => event.tenantid !== undefined && event.tenantid !== tenantId,
  ).length;
  // What notifications records of its mails (MailSent, …) comes while mails are still being
  // sent: shown, but the summary counts the cycle's own events, which the run fixes.
  const deliveries = events.filter((event) => isDeliveryEvent(event.type));
  const types = events
    .filter((event) => !isDeliveryEvent(event.type))
    .map((event) => event.type.replace(/^talentloop\.[^.]+\./, '').replace(/\.v\d+$/, ''));
  line(
    `${events.length} events (${response.headers.get('content-type') ?? '?'}) in ${Date.now() - replayStarted} ms; other tenants' events: ${foreign}`,
  );
  wrapped(runsOf(types));
  line(
    `and ${deliveries.length} delivery event(s) of notifications so far (what became of each e-mail)`,
  );
  return { events: types.length, foreign, types: countsOf(types) };
};
