import { eventRegistry, toCloudEvent } from '@talentloop/contracts';
import {
  recordedJsonOf,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
} from '@talentloop/event-store';
import { exampleEvent } from '@talentloop/testing';
import {
  cloudEventJson,
  cloudEventJsonOf,
  headAfter,
  livePages,
  ndjsonChunk,
  positionBefore,
  replayPages,
  sseChunk,
} from './replay-stream';

const definition = eventRegistry.current('GoalApproved')!;

const recorded = (
  globalPosition: bigint,
  recordedAt: string,
  tenantId = 'acme',
): RecordedEvent => ({
  ...exampleEvent(definition, tenantId),
  id: `e-${globalPosition}`,
  streamName: `approval.request-${tenantId}.r1`,
  streamRevision: 0n,
  globalPosition,
  recordedAt,
});

/** readAll over a list with gaps in its positions, counting the calls. */
const storeOf = (events: readonly RecordedEvent[]) => {
  const calls: ReadAllOptions[] = [];
  const store = {
    readAll: (options: ReadAllOptions = {}) => {
      calls.push(options);
      const after = options.after ?? 0n;
      const tenant = options.filter?.tenantId;
      return Promise.resolve(
        events
          .filter((e) => e.globalPosition > after)
          .filter((e) => tenant === undefined || e.metadata.tenantId === tenant)
          .slice(0, options.maxCount ?? 1000),
      );
    },
  } as unknown as EventStore;
  return { store, calls };
};

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();

describe('positionBefore', () => {
  // Positions 7, 12, 17, …: sparse like EventStoreDB's; two events per second.
  const events = Array.from({ length: 500 }, (_, i) =>
    recorded(BigInt(7 + 5 * i), at(Math.floor(i / 2))),
  );
  const { store, calls } = storeOf(events);

  it.each([0, 1, 37, 100, 249])('finds the last event before second %i', async (second) => {
    const after = await positionBefore(store, new Date(at(second)));
    const firstIndex = events.findIndex((e) => e.recordedAt >= at(second));
    expect(after).toBe(firstIndex === 0 ? 0n : events[firstIndex - 1].globalPosition);
  });

  it('returns the last position when everything is older, 0 when nothing is', async () => {
    expect(await positionBefore(store, new Date(at(300)))).toBe(events[499].globalPosition);
    expect(await positionBefore(store, new Date('2000-01-01T00:00:00Z'))).toBe(0n);
    expect(await positionBefore(storeOf([]).store, new Date())).toBe(0n);
  });

  it('needs a logarithmic number of one-event reads', async () => {
    calls.length = 0;
    await positionBefore(store, new Date(at(123)));
    expect(calls.length).toBeLessThan(40);
    expect(calls.every((call) => call.maxCount === 1 && call.filter === undefined)).toBe(true);
  });
});

describe('replayPages', () => {
  const events = Array.from({ length: 25 }, (_, i) =>
    recorded(BigInt(i + 1), at(i), i % 2 === 0 ? 'acme' : 'other'),
  );

  it('pages through the filtered range and honours the limit', async () => {
    const { store } = storeOf(events);
    const pages: RecordedEvent[][] = [];
    for await (const page of replayPages(store, {
      after: 0n,
      filter: { tenantId: 'acme' },
      pageSize: 4,
    }))
      pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 1]);

    const limited: RecordedEvent[] = [];
    for await (const page of replayPages(store, {
      after: 2n,
      filter: { tenantId: 'acme' },
      pageSize: 4,
      limit: 6,
    }))
      limited.push(...page);
    expect(limited.map((e) => e.globalPosition)).toEqual([3n, 5n, 7n, 9n, 11n, 13n]);
  });
});

describe('headAfter', () => {
  it('finds the last position from a known one, in one read when nothing came after it', async () => {
    const events = Array.from({ length: 40 }, (_, i) => recorded(BigInt(3 * i + 1), at(i)));
    const { store, calls } = storeOf(events);
    expect(await headAfter(store, 58n)).toBe(118n);
    expect(calls.every((call) => call.after! >= 58n && call.filter === undefined)).toBe(true);
    calls.length = 0;
    expect(await headAfter(store, 118n)).toBe(118n);
    expect(calls).toEqual([{ after: 118n, maxCount: 1 }]);
  });
});

describe('livePages', () => {
  it('sends each event once and reads on from where the last read looked', async () => {
    // Given acme's and another tenant's events interleaved, and a stream of acme's from 0
    const tenantOf = (position: number) => (position % 2 === 1 ? 'acme' : 'other');
    const log = Array.from({ length: 10 }, (_, i) =>
      recorded(BigInt(i + 1), at(i), tenantOf(i + 1)),
    );
    const { store, calls } = storeOf(log);
    const append = (...positions: number[]) =>
      log.push(...positions.map((p) => recorded(BigInt(p), at(p), tenantOf(p))));
    const quietPolls: ReadAllOptions[][] = [];
    let idled = 0;
    let readsBefore = 0;
    let stopped = false;
    // When the stream is idle: new events of both tenants, then only the other's, then none
    const idle = () => {
      quietPolls.push(calls.slice(readsBefore));
      readsBefore = calls.length;
      idled += 1;
      if (idled === 1) append(11, 12, 13);
      if (idled === 2) append(14, 16);
      if (idled === 4) stopped = true;
      return Promise.resolve();
    };

    const sent: bigint[][] = [];
    for await (const page of livePages(store, {
      after: 0n,
      filter: { tenantId: 'acme' },
      stopped: () => stopped,
      idle,
    }))
      sent.push(page.map((e) => e.globalPosition));

    // Then every acme event is sent once, the live one after the backlog
    expect(sent).toEqual([
      [1n, 3n, 5n, 7n, 9n],
      [11n, 13n],
    ]);
    // And each filtered read starts where the previous reads looked, not at the last event sent
    const filtered = calls.filter((call) => call.filter !== undefined).map((call) => call.after);
    expect(filtered).toEqual([0n, 10n, 13n]);
    // And once nothing is new, a poll is a single one-event read from the head
    expect(quietPolls.at(-1)).toEqual([{ after: 16n, maxCount: 1 }]);
  });
});

describe('chunks', () => {
  const events = [recorded(41n, at(1)), recorded(42n, at(2))].map(recordedJsonOf);

  it('NDJSON: one CloudEvent per line with the position in sequence', () => {
    const lines = ndjsonChunk(events).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const first = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(first).toMatchObject({ id: 'e-41', sequence: '00000000000000000041', tenantid: 'acme' });
  });

  it('SSE: id = plain position, data = the CloudEvent', () => {
    const messages = sseChunk(events).split('\n\n');
    expect(messages[0]).toMatch(/^id: 41\ndata: \{.*"sequence":"00000000000000000041"/);
    expect(messages[1]).toMatch(/^id: 42\n/);
  });
});

/** The line the general path writes: the envelope of the parsed event, serialised. */
const general = (event: RecordedEvent) => JSON.stringify(toCloudEvent(event, { validated: true }));
const definitions = eventRegistry.currentDefinitions();
/** A definition's example, recorded. */
const eventOf = (each: (typeof definitions)[number]): RecordedEvent => ({
  ...exampleEvent(each, 'acme'),
  id: 'e-7',
  streamName: 's',
  streamRevision: 0n,
  globalPosition: 7n,
  recordedAt: at(1),
});

describe('cloudEventJson', () => {
  it.each(definitions.map((each) => [each.name, each] as const))(
    'writes %s exactly as the envelope serialises',
    (_name, each) => {
      const event = eventOf(each);
      expect(cloudEventJson(event)).toBe(general(event));
      const traced: RecordedEvent = {
        ...event,
        id: 'e-"quoted"\u2028',
        metadata: {
          ...event.metadata,
          actorId: 'ü\\ser',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          correlationId: 'c-1',
          causationId: 'c-2',
        },
        globalPosition: 18446744073709551615n,
      };
      expect(cloudEventJson(traced)).toBe(general(traced));
    },
  );
});

describe('cloudEventJsonOf', () => {
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it.each(definitions.map((each) => [each.name, each] as const))(
    'writes %s from its stored text exactly as the envelope serialises the parsed event',
    (_name, each) => {
      // Given the event as stored (its JSON text), bare and with every optional attribute
      const event = eventOf(each);
      const traced: RecordedEvent = {
        ...event,
        metadata: { ...event.metadata, traceparent, correlationId: 'c-1', causationId: 'c-2' },
        globalPosition: 18446744073709551615n,
      };
      // Then the line written from the text is the envelope of the parsed event, text for text
      for (const stored of [event, traced])
        expect(cloudEventJsonOf(recordedJsonOf(stored))).toBe(general(stored));
    },
  );

  it.each(definitions.map((each) => [each.name, each] as const))(
    'writes %s with escapes in its text as the envelope does (the parsed way)',
    (_name, each) => {
      // Given attributes and a subject whose JSON text holds escapes
      const event = eventOf(each);
      const subject = each.subjectOf(event.data as never);
      const member = Object.keys(event.data as object).find(
        (name) => (event.data as Record<string, unknown>)[name] === subject,
      )!;
      const escaped: RecordedEvent = {
        ...event,
        id: 'e-"quoted"\u2028',
        data: { ...(event.data as object), [member]: 'emp-"1"\\\u0001' },
        metadata: { ...event.metadata, actorId: 'ü\\ser', correlationId: 'c-"1"' },
      };
      // Then the line is still the envelope's, text for text
      expect(cloudEventJsonOf(recordedJsonOf(escaped))).toBe(general(escaped));
    },
  );

  it('takes the subject from the top level of the data, not from a nested member', () => {
    // Given a GoalApproved whose data holds decoy employeeId members before its own, nested
    // and inside strings
    const event = eventOf(eventRegistry.current('GoalApproved')!);
    const { employeeId, ...rest } = event.data as { employeeId: string };
    const decoyed: RecordedEvent = {
      ...event,
      data: {
        decoy: { employeeId: 'nested', list: [{ employeeId: 'deeper' }] },
        text: '{"employeeId":"in-a-string"}',
        ...rest,
        employeeId,
      },
    };
    // When written from its text
    const line = cloudEventJsonOf(recordedJsonOf(decoyed));
    // Then the subject is the top-level one, and the line the envelope's
    expect(JSON.parse(line)).toMatchObject({ subject: employeeId });
    expect(line).toBe(general(decoyed));
  });

  it('writes lines of unusual text through the parsed way', () => {
    // Given metadata with a nested value in front of its attributes
    const event = eventOf(eventRegistry.current('GoalApproved')!);
    const metadata = { x: { tenantId: 'decoy' }, ...event.metadata };
    const nested = { ...recordedJsonOf(event), metadataJson: JSON.stringify(metadata) };
    // Then the line is the parsed event's
    expect(cloudEventJsonOf(nested)).toBe(general({ ...event, metadata }));
    expect(JSON.parse(cloudEventJsonOf(nested))).toMatchObject({ tenantid: 'acme' });
  });
});
