import { eventRegistry } from '../catalog';
import { isPublishedDefinition } from '../event-definition';
import {
  personalFieldAt,
  personalFieldPaths,
  SEALED_IV_BYTES,
  SEALED_PATTERN,
  SEALED_TAG_BYTES,
  sealedEnvelopeOf,
} from '../personal-data';
import { createAjv } from '../validation';
import { buildAsyncApiDocument, type JsonObject, type JsonValue } from './asyncapi';

interface Message {
  readonly name: string;
  readonly payload: JsonObject;
  readonly headers: JsonObject;
  readonly examples: readonly JsonObject[];
}

const messages = Object.entries(
  (buildAsyncApiDocument()['components'] as JsonObject)['messages'] as JsonObject,
).map(([name, message]): Message => {
  const { payload, headers, examples } = message as JsonObject;
  return {
    name,
    payload: payload as JsonObject,
    headers: headers as JsonObject,
    examples: (examples ?? []) as JsonObject[],
  };
});

/** The values at a personal field's path (`*` stands for every item), with their location. */
const valuesAt = (value: unknown, path: readonly string[], at = ''): [string, unknown][] => {
  const [step, ...rest] = path;
  if (step === undefined) return [[at, value]];
  const child = (key: string) => (at === '' ? key : `${at}.${key}`);
  if (step === '*')
    return Array.isArray(value)
      ? value.flatMap((item, index) => valuesAt(item, rest, child(String(index))))
      : [];
  if (typeof value !== 'object' || value === null || !(step in value)) return [];
  return valuesAt((value as Record<string, unknown>)[step], rest, child(step));
};

/** Every personal field of the data, by location, for the message's current event version. */
const personalValuesOf = (name: string, data: unknown): [string, unknown][] =>
  personalFieldPaths(eventRegistry.current(name)!.schema).flatMap((path) => valuesAt(data, path));

const isSealed = (value: unknown): boolean =>
  typeof value === 'string' && new RegExp(SEALED_PATTERN).test(value);

describe('the message examples of the AsyncAPI document', () => {
  it('give every message at least one example', () => {
    expect(messages.filter((message) => message.examples.length === 0)).toEqual([]);
    expect(messages).toHaveLength(
      eventRegistry.currentDefinitions().filter(isPublishedDefinition).length,
    );
  });

  it("validate against their message's payload and headers schemas", () => {
    const ajv = createAjv();
    const failures = messages.flatMap((message) => {
      const validatePayload = ajv.compile(message.payload);
      const validateHeaders = ajv.compile(message.headers);
      return message.examples.flatMap((example) => [
        ...(validatePayload(example['payload'])
          ? []
          : [`${message.name} payload: ${ajv.errorsText(validatePayload.errors)}`]),
        ...(validateHeaders(example['headers'])
          ? []
          : [`${message.name} headers: ${ajv.errorsText(validateHeaders.errors)}`]),
      ]);
    });

    expect(failures).toEqual([]);
  });

  it('carry every personal field of the event, each one sealed, none in plaintext', () => {
    const sealedCount = messages
      .flatMap((message) =>
        message.examples.flatMap((example) => personalValuesOf(message.name, example['payload'])),
      )
      .filter(([, value]) => isSealed(value)).length;

    expect(sealedCount).toBeGreaterThan(0);
    for (const message of messages) {
      const fieldCount = personalFieldPaths(eventRegistry.current(message.name)!.schema).length;
      for (const example of message.examples) {
        const personal = personalValuesOf(message.name, example['payload']);

        expect(personal.length).toBeGreaterThanOrEqual(fieldCount);
        expect(personal.filter(([, value]) => !isSealed(value))).toEqual([]);
      }
    }
  });

  it('would catch a plaintext personal field: the registry examples, unsealed, fail the check', () => {
    const plaintext = eventRegistry
      .currentDefinitions()
      .flatMap((definition) => personalValuesOf(definition.name, definition.example))
      .filter(([, value]) => !isSealed(value));

    expect(plaintext.length).toBeGreaterThan(0);
  });

  it('seal a field as the cipher does: an IV, a GCM tag and a ciphertext as long as the plaintext', () => {
    for (const message of messages) {
      const plaintext = new Map(
        personalValuesOf(message.name, eventRegistry.current(message.name)!.example),
      );
      for (const example of message.examples)
        for (const [field, sealed] of personalValuesOf(message.name, example['payload'])) {
          const bytes = Buffer.from(sealedEnvelopeOf(sealed as string)!.body, 'base64url');

          expect(bytes.length).toBe(
            SEALED_IV_BYTES + SEALED_TAG_BYTES + Buffer.byteLength(plaintext.get(field) as string),
          );
        }
    }
  });

  it('seal a field as the cipher does now: for the event type and field it is in, with the first data key', () => {
    for (const message of messages) {
      const paths = personalFieldPaths(eventRegistry.current(message.name)!.schema);
      for (const example of message.examples)
        for (const [location, sealed] of personalValuesOf(message.name, example['payload']))
          expect(sealedEnvelopeOf(sealed as string)).toMatchObject({
            version: 2,
            keyVersion: 1,
            origin: { type: message.name, field: personalFieldAt(paths, location.split('.')) },
          });
    }
  });

  it("say which fields are sealed, for which subject, and that only the subject's key opens them", () => {
    const employeeSynced = messages.find((message) => message.name === 'EmployeeSynced')!;
    const [example] = employeeSynced.examples;

    expect(example?.['summary']).toBe(
      "As published on talentloop.assessment.events.v1 with key emp-1001: displayName and email are sealed for the subject emp-1001 of tenant acme and open only with that subject's key (stand-in ciphertext bytes, real shape).",
    );
    expect((example?.['headers'] as Record<string, JsonValue>)['ce_subject']).toBe('emp-1001');
  });
});
