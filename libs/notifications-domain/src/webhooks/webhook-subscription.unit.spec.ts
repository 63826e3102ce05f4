import { cloudEventType, eventRegistry } from '@talentloop/contracts';
import {
  matchesEventTypeFilter,
  MAX_EVENT_TYPE_FILTER_ENTRIES,
  newWebhookSecret,
  validateEventTypeFilter,
  validateSubscription,
  validateWebhookSecret,
} from './webhook-subscription';

const givenFilter = (...filter: string[]) => ({
  whenValidated: () => {
    const violations = validateEventTypeFilter(filter, knownTypes());
    return {
      thenValid: () => expect(violations).toEqual([]),
      thenRefused: (...expected: [field: string, code: string][]) =>
        expect(violations.map(({ field, code }) => [field, code])).toEqual(expected),
    };
  },
  whenMatched: (type: string) => ({
    then: (matches: boolean) => expect(matchesEventTypeFilter(filter, type)).toBe(matches),
  }),
});

describe('an event type filter', () => {
  it('accepts exact CloudEvents types the platform delivers', () =>
    givenFilter(goalApproved, gapIdentified).whenValidated().thenValid());

  it('accepts a context wildcard and the wildcard for everything', () =>
    givenFilter('talentloop.approval.*', '*').whenValidated().thenValid());

  it('refuses an empty filter', () =>
    givenFilter().whenValidated().thenRefused(['eventTypes', 'WEBHOOK_EVENT_TYPES_EMPTY']));

  it(`refuses more than ${MAX_EVENT_TYPE_FILTER_ENTRIES} entries`, () =>
    givenFilter(...Array.from({ length: 101 }, (_, index) => `talentloop.planning.E${index}.v1`))
      .whenValidated()
      .thenRefused(['eventTypes', 'WEBHOOK_EVENT_TYPES_TOO_MANY']));

  it('refuses a type the platform does not deliver, or an old version of one', () =>
    givenFilter(
      'talentloop.approval.GoalApprovedTwice.v1',
      'talentloop.assessment.MeasurementRecorded.v1',
    )
      .whenValidated()
      .thenRefused(
        ['eventTypes[0]', 'WEBHOOK_EVENT_TYPE_UNKNOWN'],
        ['eventTypes[1]', 'WEBHOOK_EVENT_TYPE_UNKNOWN'],
      ));

  it('refuses a wildcard on a context that delivers nothing', () =>
    givenFilter('talentloop.payroll.*')
      .whenValidated()
      .thenRefused(['eventTypes[0]', 'WEBHOOK_EVENT_TYPE_UNKNOWN']));

  it.each([
    'GoalApproved',
    'goal.approved',
    'talentloop.approval.GoalApproved',
    'talentloop.approval.Goal*',
    'talentloop.*',
    'talentloop.Approval.*',
    '**',
    '',
  ])('refuses the malformed entry %p', (entry) =>
    givenFilter(entry)
      .whenValidated()
      .thenRefused(['eventTypes[0]', 'WEBHOOK_EVENT_TYPE_MALFORMED']),
  );

  it('refuses a repeated entry, naming the repetition', () =>
    givenFilter(goalApproved, '*', goalApproved)
      .whenValidated()
      .thenRefused(['eventTypes[2]', 'WEBHOOK_EVENT_TYPE_DUPLICATE']));

  it('matches its exact types only', () => {
    givenFilter(goalApproved).whenMatched(goalApproved).then(true);
    givenFilter(goalApproved).whenMatched(gapIdentified).then(false);
  });

  it('matches every event and version of a context by its wildcard', () => {
    givenFilter('talentloop.approval.*').whenMatched(goalApproved).then(true);
    givenFilter('talentloop.approval.*')
      .whenMatched('talentloop.approval.GoalApproved.v2')
      .then(true);
    givenFilter('talentloop.approval.*').whenMatched(gapIdentified).then(false);
  });

  it('matches everything with *', () => givenFilter('*').whenMatched(gapIdentified).then(true));
});

describe('a webhook secret', () => {
  it.each([24, 32, 64])('is accepted as whsec_ and the base64 of %i bytes', (bytes) =>
    expect(validateWebhookSecret(secretOf(bytes))).toEqual([]),
  );

  it.each([23, 65, 1_024])('is refused with %i bytes', (bytes) =>
    expect(codesOf(validateWebhookSecret(secretOf(bytes)))).toEqual(['WEBHOOK_SECRET_SIZE']),
  );

  it('is refused oversized, however long, without being decoded as malformed', () =>
    expect(codesOf(validateWebhookSecret(`whsec_${'!'.repeat(100_000)}`))).toEqual([
      'WEBHOOK_SECRET_SIZE',
    ]));

  it.each([
    ['without the prefix', Buffer.alloc(32, 7).toString('base64')],
    ['with another prefix', `whsk_${Buffer.alloc(32, 7).toString('base64')}`],
    ['in base64url', `whsec_${Buffer.alloc(32, 0xfb).toString('base64url')}`],
    ['without its padding', `whsec_${Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '')}`],
    ['with stray bits in the last character', `whsec_${'A'.repeat(42)}B=`],
    ['empty', 'whsec_'],
  ])('is refused %s', (_, secret) =>
    expect(codesOf(validateWebhookSecret(secret))).toEqual([
      secret === 'whsec_' ? 'WEBHOOK_SECRET_SIZE' : 'WEBHOOK_SECRET_MALFORMED',
    ]),
  );

  it('never repeats the secret in its violation', () =>
    expect(JSON.stringify(validateWebhookSecret(`whsec_${'s3cr3t'.repeat(3)}!`))).not.toContain(
      's3cr3t',
    ));

  it('is made from 32 given random bytes, and is valid', () => {
    const secret = newWebhookSecret(Uint8Array.from({ length: 32 }, (_, index) => index));
    expect(secret).toBe('whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=');
    expect(validateWebhookSecret(secret)).toEqual([]);
  });

  it('is not made from fewer or more bytes', () =>
    expect(() => newWebhookSecret(new Uint8Array(16))).toThrow(RangeError));
});

describe('a new subscription', () => {
  it('is valid with a URL, known event types, a secret and a short description', () =>
    expect(
      validateSubscription(
        {
          url: 'https://hris.example.com/hooks/talentloop',
          eventTypes: ['talentloop.approval.*'],
          secret: secretOf(32),
          description: 'Goals approved, for the HRIS',
        },
        knownTypes(),
      ),
    ).toEqual([]));

  it('is valid without a secret, which the platform then generates', () =>
    expect(
      validateSubscription(
        { url: 'https://hris.example.com/hooks', eventTypes: ['*'] },
        knownTypes(),
      ),
    ).toEqual([]));

  it('names every broken rule, not only the first', () =>
    expect(
      validateSubscription(
        {
          url: 'ftp://hris.example.com/#x',
          eventTypes: ['talentloop.payroll.*'],
          secret: 'whsec_short',
          description: 'x'.repeat(201),
        },
        knownTypes(),
      ).map(({ field, code }) => [field, code]),
    ).toEqual([
      ['url', 'WEBHOOK_URL_SCHEME_NOT_ALLOWED'],
      ['url', 'WEBHOOK_URL_WITH_FRAGMENT'],
      ['eventTypes[0]', 'WEBHOOK_EVENT_TYPE_UNKNOWN'],
      ['secret', 'WEBHOOK_SECRET_MALFORMED'],
      ['description', 'WEBHOOK_DESCRIPTION_TOO_LONG'],
    ]));

  it('counts the description in characters, not UTF-16 units', () =>
    expect(
      validateSubscription(
        { url: 'https://hris.example.com/hooks', eventTypes: ['*'], description: '🎯'.repeat(200) },
        knownTypes(),
      ),
    ).toEqual([]));
});

const goalApproved = 'talentloop.approval.GoalApproved.v1';
const gapIdentified = 'talentloop.assessment.GapIdentified.v1';

function knownTypes(): string[] {
  return eventRegistry.currentDefinitions().map((definition) => cloudEventType(definition));
}

function secretOf(bytes: number): string {
  return `whsec_${Buffer.alloc(bytes, 0x5a).toString('base64')}`;
}

function codesOf(violations: readonly { code: string }[]): string[] {
  return violations.map(({ code }) => code);
}
