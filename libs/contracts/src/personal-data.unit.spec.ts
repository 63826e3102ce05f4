import { eventRegistry } from './catalog';
import {
  personalFieldAt,
  personalFieldPaths,
  SEALED_PATTERN,
  sealedEnvelopeOf,
  sealedValueOf,
} from './personal-data';

describe('the personal fields of the events', () => {
  it('are the names, e-mails and free text by or about a person, and the webhook secrets', () => {
    const personal = Object.fromEntries(
      eventRegistry
        .currentDefinitions()
        .map((definition) => [
          definition.name,
          personalFieldPaths(definition.schema).map((path) => path.join('.')),
        ])
        .filter(([, paths]) => paths.length > 0),
    );

    expect(personal).toEqual({
      EmployeeSynced: ['displayName', 'email'],
      MotivationRecorded: ['note'],
      GoalDrafted: ['motivationNote'],
      GoalAgreed: ['motivation'],
      CheckInLogged: [
        'answers.whatWasDone',
        'answers.whatGoesWellAndWhatIsHard',
        'answers.whatIsNext',
        'managerNotes',
      ],
      GoalAdjusted: ['reason'],
      GoalAdjustmentRefused: ['reason'],
      GoalWithdrawn: ['reason'],
      CriterionEvidenceRecorded: ['description', 'reference'],
      GoalApproved: ['note'],
      GoalRejected: ['feedback'],
      AdjustmentApprovalRequested: ['reason'],
      AdjustmentApproved: ['note'],
      AdjustmentRejected: ['feedback'],
      // Not about a person: sealed so they never rest or travel in the clear, the
      // subscription their data subject.
      WebhookSubscriptionCreated: ['secret'],
      WebhookSecretRotated: ['secret'],
    });
  });

  it('accept the plaintext, a sealed value or "[erased]", and check the plaintext as before', () => {
    const metadata = {
      tenantId: 'acme',
      actorId: 'mgr-1',
      occurredAt: '2026-03-01T09:00:00.000Z',
      schemaVersion: 1,
    };
    const example = eventRegistry.current('GoalRejected')!.example as object;
    const violationsOf = (feedback: string) =>
      eventRegistry.validate('GoalRejected', { ...example, feedback }, metadata);

    expect(violationsOf('enc:v1:c2VhbGVkLWJ5dGVz')).toEqual([]);
    expect(violationsOf('enc:v2:1:GoalRejected:feedback:c2VhbGVkLWJ5dGVz')).toEqual([]);
    expect(violationsOf('[erased]')).toEqual([]);
    expect(violationsOf('Name the meetings where you will practise listening.')).toEqual([]);
    expect(violationsOf('too short')).toEqual([
      { field: 'data.feedback', message: 'must NOT have fewer than 20 characters' },
    ]);
  });
});

describe('a sealed value', () => {
  const body = 'c2VhbGVkLWJ5dGVz';

  it('names, from v2 on, the data key, the event type and the field it was sealed for', () => {
    // given a value sealed for the third answer's note of an event
    const value = `enc:v2:3:CheckInLogged:answers.*.note:${body}`;

    // when it is taken apart and put together again
    const envelope = sealedEnvelopeOf(value);

    // then it says where it belongs, and comes back the same
    expect(envelope).toEqual({
      version: 2,
      keyVersion: 3,
      origin: { type: 'CheckInLogged', field: 'answers.*.note' },
      body,
    });
    expect(sealedValueOf(envelope!)).toBe(value);
  });

  it('of the first format is still one: v1, bound to the subject only', () => {
    expect(sealedEnvelopeOf(`enc:v1:${body}`)).toEqual({ version: 1, body });
    expect(sealedValueOf({ version: 1, body })).toBe(`enc:v1:${body}`);
  });

  it('is told from plaintext that merely looks like one', () => {
    const lookalikes = [
      'enc: a note that starts like a sealed value',
      `enc:v2:GoalRejected:feedback:${body}`, // no data key
      `enc:v2:0:GoalRejected:feedback:${body}`,
      `enc:v2:1:GoalRejected:${body}`, // no field
      `enc:v2:1:GoalRejected:feed back:${body}`,
      `enc:v3:${body}`,
      '[erased]',
    ];

    for (const text of lookalikes) {
      expect([text, sealedEnvelopeOf(text)]).toEqual([text, undefined]);
      expect([text, new RegExp(SEALED_PATTERN).test(text)]).toEqual([text, false]);
    }
  });

  it('can be made for every personal field of every event at every version', () => {
    const origins = eventRegistry.definitions.flatMap((definition) =>
      personalFieldPaths(definition.schema).map((path) => ({
        type: definition.name,
        field: path.join('.'),
      })),
    );

    for (const origin of origins)
      expect(sealedEnvelopeOf(sealedValueOf({ version: 2, keyVersion: 1, origin, body }))).toEqual({
        version: 2,
        keyVersion: 1,
        origin,
        body,
      });
  });

  it('cannot be made for a field the format cannot name', () => {
    const origin = { type: 'GoalRejected', field: 'feed:back' };

    expect(() => sealedValueOf({ version: 2, keyVersion: 1, origin, body })).toThrow(
      'the format cannot carry it',
    );
  });
});

describe('the personal field at a location in data', () => {
  const paths = [['reason'], ['answers', 'whatIsNext'], ['items', '*', 'note']];

  it('is named by its path, whatever the array position', () => {
    expect(personalFieldAt(paths, ['answers', 'whatIsNext'])).toBe('answers.whatIsNext');
    expect(personalFieldAt(paths, ['items', '2', 'note'])).toBe('items.*.note');
    expect(personalFieldAt(paths, ['items', '3', 'note'])).toBe('items.*.note');
  });

  it('is none where the data keeps no personal field', () => {
    expect(personalFieldAt(paths, ['answers'])).toBeUndefined();
    expect(personalFieldAt(paths, ['title'])).toBeUndefined();
    expect(personalFieldAt(paths, ['items', 'first', 'note'])).toBeUndefined();
    expect(personalFieldAt(paths, ['reason', 'more'])).toBeUndefined();
  });
});

describe('the personal fields across versions of an event', () => {
  it('stay where they were: a value sealed for an older version keeps its field once upcast', () => {
    // A value records the field it was sealed for, and is opened where the upcast event has
    // it: an upcaster that moved or renamed a personal field would make its values refused.
    const moved = eventRegistry.definitions.flatMap((definition) => {
      const current = eventRegistry.current(definition.name)!;
      const kept = new Set(personalFieldPaths(current.schema).map((path) => path.join('.')));
      return personalFieldPaths(definition.schema)
        .map((path) => path.join('.'))
        .filter((field) => !kept.has(field))
        .map((field) => `${definition.name} v${definition.version}: ${field}`);
    });

    expect(moved).toEqual([]);
  });
});
