import {
  evolveHrContacts,
  evolveMailPerson,
  type HrContactsEvent,
  type MailPerson,
  type MailPersonEvent,
} from './mail-people';

const tenantId = 'acme';
const employeeId = 'emp-1001';
const sealedName = 'enc:v2:k1:bmFtZQ==';
const sealedEmail = 'enc:v2:k1:ZW1haWw=';
// Used by the fixtures below at collection time, so declared first.
const metadata = { tenantId };

const foldPerson = (events: readonly MailPersonEvent[]) =>
  events.reduce<MailPerson | undefined>(evolveMailPerson, undefined);

describe('a person nobody heard of', () => {
  it('is known with their sealed name and address once the HRIS syncs them', () =>
    expect(foldPerson([synced()])).toEqual({
      tenantId,
      employeeId,
      managerId: 'emp-0007',
      language: 'nl',
      employmentStatus: 'active',
      displayName: sealedName,
      email: sealedEmail,
      preference: 'immediately',
      erased: false,
    }));

  it('is known from a preference set before any sync: English, active, no name or address', () =>
    expect(foldPerson([preferenceSet('off')])).toEqual({
      tenantId,
      employeeId,
      managerId: null,
      language: 'en',
      employmentStatus: 'active',
      displayName: null,
      email: null,
      preference: 'off',
      erased: false,
    }));

  it('keeps the preference set before the sync that follows it', () =>
    expect(foldPerson([preferenceSet('daily-digest'), synced()])).toMatchObject({
      preference: 'daily-digest',
      displayName: sealedName,
    }));

  it('is remembered as erased when the erasure comes first, so a later sync finds nothing', () =>
    expect(foldPerson([erased(), synced()])).toMatchObject({
      erased: true,
      displayName: null,
      email: null,
    }));
});

describe('a synced person', () => {
  const history = [synced()];

  it('takes every field of a new sync, the sealed ones as they come', () =>
    expect(
      foldPerson([
        ...history,
        synced({
          managerId: null,
          preferredLanguage: 'en',
          employmentStatus: 'left',
          displayName: 'enc:v2:k2:bmV3',
          email: 'enc:v2:k2:bmV3QA==',
        }),
      ]),
    ).toMatchObject({
      managerId: null,
      language: 'en',
      employmentStatus: 'left',
      displayName: 'enc:v2:k2:bmV3',
      email: 'enc:v2:k2:bmV3QA==',
    }));

  it('gets the new manager of a reporting-line change at once, whatever its effectiveAt', () =>
    expect(
      foldPerson([...history, reportingLineChanged('emp-0031', '2030-01-01T00:00:00.000Z')]),
    ).toMatchObject({ managerId: 'emp-0031' }));

  it('has no manager once the reporting line names none', () =>
    expect(foldPerson([...history, reportingLineChanged(null)])).toMatchObject({
      managerId: null,
    }));

  it('keeps the preference across syncs', () =>
    expect(foldPerson([...history, preferenceSet('off'), synced()])).toMatchObject({
      preference: 'off',
    }));

  it('does not change when an event is applied twice', () => {
    for (const event of [synced(), reportingLineChanged('emp-0031'), preferenceSet('off')]) {
      const once = foldPerson([...history, event]);
      expect(foldPerson([...history, event, event])).toEqual(once);
    }
  });
});

describe('an erased person', () => {
  const history = [synced(), preferenceSet('daily-digest'), erased()];

  it('loses their name and address and is marked erased', () =>
    expect(foldPerson(history)).toEqual({
      tenantId,
      employeeId,
      managerId: 'emp-0007',
      language: 'nl',
      employmentStatus: 'active',
      displayName: null,
      email: null,
      preference: 'daily-digest',
      erased: true,
    }));

  it.each([
    ['a sync resent by the HRIS', synced()],
    ['a reporting-line change', reportingLineChanged('emp-0031')],
    ['a preference', preferenceSet('immediately')],
    ['a second erasure', erased()],
  ])('stays as erased after %s', (_, event) =>
    expect(foldPerson([...history, event])).toEqual(foldPerson(history)),
  );
});

describe('the HR contacts of a tenant', () => {
  it('are the list of the first HrContactsSet', () =>
    expect(evolveHrContacts(undefined, hrContactsSet(['emp-0002', 'emp-0003']))).toEqual({
      tenantId,
      employeeIds: ['emp-0002', 'emp-0003'],
    }));

  it('are replaced whole by the next one, an empty list included', () =>
    expect(
      evolveHrContacts(evolveHrContacts(undefined, hrContactsSet(['emp-0002'])), hrContactsSet([])),
    ).toEqual({ tenantId, employeeIds: [] }));

  it('do not change when the same event is applied twice', () => {
    const once = evolveHrContacts(undefined, hrContactsSet(['emp-0002']));
    expect(evolveHrContacts(once, hrContactsSet(['emp-0002']))).toEqual(once);
  });
});

function synced(
  overrides: Partial<Extract<MailPersonEvent, { type: 'EmployeeSynced' }>['data']> = {},
): MailPersonEvent {
  return {
    type: 'EmployeeSynced',
    data: {
      employeeId,
      externalId: 'HR-88213',
      displayName: sealedName,
      email: sealedEmail,
      roleId: 'team-lead',
      departmentId: 'dept-operations',
      departmentName: 'Operations',
      managerId: 'emp-0007',
      preferredLanguage: 'nl',
      employmentStatus: 'active',
      ...overrides,
    },
    metadata,
  };
}

function reportingLineChanged(
  newManagerId: string | null,
  effectiveAt = '2026-03-01T00:00:00.000Z',
): MailPersonEvent {
  return {
    type: 'ReportingLineChanged',
    data: { employeeId, previousManagerId: 'emp-0007', newManagerId, effectiveAt },
    metadata,
  };
}

function preferenceSet(preference: 'off' | 'immediately' | 'daily-digest'): MailPersonEvent {
  return {
    type: 'NotificationPreferenceSet',
    data: { employeeId, preference, via: 'settings', setAt: '2026-04-03T09:00:00.000Z' },
    metadata,
  };
}

function erased(): MailPersonEvent {
  return {
    type: 'PersonErased',
    data: { employeeId, erasedAt: '2026-06-01T12:00:00.000Z' },
    metadata,
  };
}

function hrContactsSet(employeeIds: string[]): HrContactsEvent {
  return {
    type: 'HrContactsSet',
    data: { employeeIds, setBy: 'admin-1', setAt: '2026-04-03T09:00:00.000Z' },
    metadata,
  };
}
