import { streamName, type CloudEvent } from '@talentloop/contracts';
import type { EventToAppend } from '@talentloop/event-store';
import { ReplaySessions } from './replay-sessions';
import { exampleEvent } from '@talentloop/testing';
import { appendMixedHistory, ReplayTestApp } from '../../testing/replay-fixtures';

const ACME = 'acme';
const OTHER = 'big-acme';

const lines = async (response: Response): Promise<CloudEvent[]> =>
  (await response.text())
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as CloudEvent);

const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

interface SseMessage {
  readonly id: string;
  readonly event: CloudEvent;
}

/** Reads SSE messages off a response until `done` says enough. */
const readSse = async (
  response: Response,
  done: (messages: readonly SseMessage[]) => boolean,
): Promise<SseMessage[]> => {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let buffer = '';
  while (!done(messages)) {
    const { value, done: ended } = (await reader.read()) as { value?: Uint8Array; done: boolean };
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
      }
      const data = fields.get('data');
      if (data !== undefined)
        messages.push({ id: fields.get('id') ?? '', event: JSON.parse(data) as CloudEvent });
    }
  }
  return messages;
};

describe('GET /replay/events', () => {
  let app: ReplayTestApp;
  let history: EventToAppend[];
  let acme: EventToAppend[];

  beforeAll(async () => {
    app = await ReplayTestApp.start();
    history = await appendMixedHistory(app.store, [ACME, OTHER, `${ACME}-x`], 30);
    acme = history.filter((event) => event.metadata.tenantId === ACME);
  });

  afterAll(async () => {
    await app.stop();
  });

  it("streams exactly the caller's tenant's events as CloudEvents in global order", async () => {
    const response = await app.replay('', { tenantId: ACME });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const events = await lines(response);

    expect(ids(events)).toEqual(ids(acme));
    expect(events.every((event) => event.tenantid === ACME)).toBe(true);
    const positions = events.map((event) => BigInt(event.sequence!));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    expect(events[0]).toMatchObject({
      specversion: '1.0',
      type: expect.stringMatching(/^talentloop\./),
    });

    const other = await lines(await app.replay('', { tenantId: OTHER, roles: 'admin' }));
    expect(ids(other)).toEqual(ids(history.filter((e) => e.metadata.tenantId === OTHER)));
  });

  it('resumes after the last position seen without gap or duplicate', async () => {
    const first = await lines(await app.replay('?limit=7', { tenantId: ACME }));
    expect(first).toHaveLength(7);
    const rest = await lines(
      await app.replay(`?after=${first[first.length - 1].sequence}`, { tenantId: ACME }),
    );
    expect(ids([...first, ...rest])).toEqual(ids(acme));
  });

  it('filters by event types', async () => {
    const events = await lines(
      await app.replay('?types=GoalApproved,CheckInLogged', { tenantId: ACME }),
    );
    expect(ids(events)).toEqual(ids(acme.filter((e) => e.type !== 'GoalSubmitted')));
  });

  it('starts at the first event recorded at or after `from`', async () => {
    const isolated = await ReplayTestApp.start();
    try {
      const before = await appendMixedHistory(isolated.store, [ACME, OTHER], 5);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const from = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const after = await appendMixedHistory(isolated.store, [OTHER, ACME], 6);
      expect(before).toHaveLength(10);

      const events = await lines(await isolated.replay(`?from=${from}`, { tenantId: ACME }));
      expect(ids(events)).toEqual(ids(after.filter((e) => e.metadata.tenantId === ACME)));

      const early = await lines(
        await isolated.replay('?from=2000-01-01T00:00:00Z', { tenantId: ACME }),
      );
      expect(early).toHaveLength(5 + 6);
      const late = await lines(
        await isolated.replay('?from=2999-01-01T00:00:00Z', { tenantId: ACME }),
      );
      expect(late).toEqual([]);
    } finally {
      await isolated.stop();
    }
  });

  it.each(['employee', 'manager', 'hr', 'employee,manager'])(
    'refuses the role %s with 403',
    async (roles) => {
      const response = await app.replay('', { tenantId: ACME, roles });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    },
  );

  it.each([
    ['?after=1&from=2026-01-01T00:00:00Z', 'from'],
    ['?after=-1', 'after'],
    ['?after=abc', 'after'],
    ['?from=yesterday', 'from'],
    ['?types=GoalApproved,NoSuchEvent', 'types'],
    ['?limit=0', 'limit'],
    ['?tenant=other', 'tenant'],
  ])('refuses %s with a 422 problem naming %s', async (query, field) => {
    const response = await app.replay(query, { tenantId: ACME });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors.map((error) => error.field)).toContain(field);
    if (field === 'types') expect(JSON.stringify(body.errors)).toContain('NoSuchEvent');
  });

  it("leaves out the webhook subscriptions' events: they carry signing secrets", async () => {
    const tenantId = 'acme-webhooks';
    const subscription = exampleEvent('WebhookSubscriptionCreated', tenantId);
    await app.store.appendToStream(
      streamName({
        context: 'notifications',
        aggregate: 'webhookSubscription',
        tenantId,
        id: 'whsub-1',
      }),
      [subscription],
      { expectedRevision: 'no_stream' },
    );
    const [goal] = await appendMixedHistory(app.store, [tenantId], 1);

    const events = await lines(await app.replay('', { tenantId }));
    expect(ids(events)).toEqual([goal.id]);
    const asked = await app.replay('?types=WebhookSubscriptionCreated', { tenantId });
    expect(asked.status).toBe(422);
  });

  it('says what is wrong with a parameter in the language Accept-Language asks for', async () => {
    const response = await app.replay(
      '?types=NoSuchEvent',
      { tenantId: ACME },
      { 'accept-language': 'nl' },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: '1 parameter(s) zijn ongeldig',
      errors: [{ field: 'types', message: 'onbekend eventtype: NoSuchEvent' }],
    });
  });

  it('serves SSE with id lines, resumes with Last-Event-ID and follows live appends', async () => {
    const abort = new AbortController();
    const response = await app.replay(
      '?types=GoalSubmitted,CheckInLogged,GoalApproved',
      { tenantId: ACME },
      { accept: 'text/event-stream' },
      abort.signal,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const live = exampleEvent('GoalApproved', ACME);
    const foreign = exampleEvent('GoalApproved', OTHER);
    let appendedLive = false;
    const messages = await readSse(response, (seen) => {
      if (seen.length >= acme.length && !appendedLive) {
        appendedLive = true;
        // Appended while the stream is open: it must arrive; the other tenant's must not.
        void app.store
          .appendToStream(`approval.replaytest-${OTHER}.live`, [foreign], {
            expectedRevision: 'any',
          })
          .then(() =>
            app.store.appendToStream(`approval.replaytest-${ACME}.live`, [live], {
              expectedRevision: 'any',
            }),
          );
      }
      return seen.length >= acme.length + 1;
    });
    abort.abort();
    expect(ids(messages.map((m) => m.event))).toEqual([...ids(acme), live.id]);
    expect(messages.every((m) => m.id === String(BigInt(m.event.sequence!)))).toBe(true);

    const resume = new AbortController();
    const resumed = await app.replay(
      '?after=0',
      { tenantId: ACME },
      { accept: 'text/event-stream', 'last-event-id': messages[9].id },
      resume.signal,
    );
    const rest = await readSse(resumed, (seen) => seen.length >= messages.length - 10);
    resume.abort();
    expect(ids(rest.map((m) => m.event))).toEqual(ids(messages.slice(10).map((m) => m.event)));

    // Both streams noticed their client left and stopped polling.
    const deadline = Date.now() + 2000;
    while (app.app.get(ReplaySessions).size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.app.get(ReplaySessions).size).toBe(0);
  });

  it('ends open SSE streams when the application shuts down', async () => {
    const isolated = await ReplayTestApp.start();
    const response = await isolated.replay('', { tenantId: ACME }, { accept: 'text/event-stream' });
    expect(response.status).toBe(200);
    const body = response.text();
    await isolated.stop();
    await expect(body).resolves.toContain(': replay');
  });
});
