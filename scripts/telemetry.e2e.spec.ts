import { eventually } from '@talentloop/testing';
import { runDemo } from './testing/demo-run';
import { describeOnEach, kafkaMongo, systemPerSuite } from './testing/infrastructures';
import { OtlpReceiver, type ReceivedSpan } from './testing/otlp-receiver';
import { services } from './testing/running-system';

/** OTLP's SpanKind numbers. */
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

const PLANNING_TOPIC = 'talentloop.planning.events.v1';

/** What `find` finds, once it finds something (the shared poller, `eventually`). */
const waitFor = async <T>(what: string, find: () => T | undefined, timeoutMs = 30_000) => {
  let found: T | undefined;
  await eventually(what, () => (found = find()) !== undefined, timeoutMs);
  return found as T;
};

const summary = (spans: readonly ReceivedSpan[]) =>
  spans.map((span) => `${span.service} ${span.kind} ${span.name} (${span.scope})`).join('\n');

/**
 * The services export their telemetry over OTLP (the standard OTEL_* variables) to an endpoint
 * of the test's own, as they would to a collector: one trace runs from the employee's submit
 * request through planning's event, the relay and Kafka to approval's consumer writing the
 * manager's inbox into MongoDB, with the libraries' own spans (HTTP, Express, kafkajs, MongoDB).
 */
describeOnEach('telemetry over OTLP', [kafkaMongo], () => {
  const receiver = new OtlpReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  const started = systemPerSuite(kafkaMongo, {
    env: () => ({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_METRICS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_METRIC_EXPORT_INTERVAL: '1000',
    }),
  });

  it('one trace runs from the submit request to the inbox write in approval', async () => {
    const run = await runDemo(started());
    expect(run.code).toBe(0);
    const { goalId } = run.summary;

    // Approval's consumer span for an event of the goal, in a trace a submit request began.
    const { submit, consumed } = await waitFor('trace from a submit request to approval', () => {
      for (const submit of receiver.spans.filter(
        (span) =>
          span.service === 'planning' &&
          span.kind === SERVER &&
          String(span.attributes['url.path'] ?? span.attributes['http.target']).endsWith(
            `/goals/${goalId}/submit`,
          ),
      )) {
        const consumed = receiver.spans.find(
          (span) =>
            span.service === 'approval' &&
            span.kind === CONSUMER &&
            span.traceId === submit.traceId &&
            span.name === `consume ${PLANNING_TOPIC}`,
        );
        if (consumed) return { submit, consumed };
      }
      return undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; received:\n${summary(receiver.spans)}`);
    });

    // The chain of parents leads from approval's consumer span back to the submit request.
    expect(receiver.ancestry(consumed)).toContain(submit);
    // The consumer's decision (ApprovalRequested) is projected into the manager's inbox in
    // the same trace, and the MongoDB driver's spans of that work go under the projection's.
    const projected = await waitFor('inbox projection span in the trace', () =>
      receiver.spans.find(
        (span) =>
          span.service === 'approval' &&
          span.name === 'project approval.read-side.store' &&
          span.traceId === submit.traceId,
      ),
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}; the trace:\n${summary(receiver.spans.filter((span) => span.traceId === submit.traceId))}`,
      );
    });
    // (A submission is more than one event: its projection may descend from another of them.)
    expect(
      receiver
        .ancestry(projected)
        .some(
          (span) =>
            span.service === 'approval' &&
            span.kind === CONSUMER &&
            receiver.ancestry(span).includes(submit),
        ),
    ).toBe(true);
    expect(String(projected.attributes['talentloop.projections'])).toContain('approval-requests');
    await waitFor('MongoDB write of the inbox under a projection span', () =>
      receiver.spans.find(
        (span) =>
          span.service === 'approval' &&
          span.kind === CLIENT &&
          span.scope === '@opentelemetry/instrumentation-mongodb' &&
          /approval-requests/.test(span.name) &&
          receiver
            .ancestry(span)
            .some((ancestor) => ancestor.name === 'project approval.read-side.store'),
      ),
    );
    // The request span is the HTTP instrumentation's (Express adds its route handlers').
    expect(submit.scope).toBe('@opentelemetry/instrumentation-http');
    expect(
      receiver.spans.some(
        (span) => span.traceId === submit.traceId && span.scope.includes('instrumentation-express'),
      ),
    ).toBe(true);
    // kafkajs's own spans: the relay publishing, the consumers receiving.
    expect(
      receiver.spans.some((span) => span.service === 'planning' && span.kind === PRODUCER),
    ).toBe(true);
    // Probes and scrapes make no spans.
    expect(
      receiver.spans.filter((span) =>
        /\/health\/|\/metrics/.test(String(span.attributes['url.path'])),
      ),
    ).toEqual([]);
    expect(receiver.refused).toEqual([]);
  }, 180_000);

  it('every service exports its HTTP server metrics', async () => {
    // A request to each (the demo calls notifications only on its probes, which make none).
    const system = started();
    const authorization = await system.bearer({
      tenantId: 'telemetry',
      userId: 'hr-telemetry',
      roles: ['hr'],
    });
    for (const service of services)
      expect(
        (await fetch(system.url(service, '/docs/openapi.json'), { headers: { authorization } }))
          .status,
      ).toBe(200);
    for (const service of services)
      await waitFor(`metrics from ${service}`, () =>
        receiver.metrics.get(service)?.has('http.server.request.duration') ? true : undefined,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; received: ${JSON.stringify([...receiver.metrics])}`);
      });
  }, 60_000);
});
