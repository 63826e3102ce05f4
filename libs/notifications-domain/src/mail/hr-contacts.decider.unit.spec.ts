import type { HrContactsSet } from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import { DeciderSpecification } from '@talentloop/testing';
import { hrContactsDecider, MAX_HR_CONTACTS, type HrContactsCommand } from './hr-contacts.decider';
import { DuplicateHrContacts, InvalidHrContactId, TooManyHrContacts } from './hr-contacts.errors';

const spec = DeciderSpecification.for(hrContactsDecider);
const admin = 'admin-1';
const at = '2026-04-03T09:00:00.000Z';

describe('a tenant without HR contacts', () => {
  it('has none', () => expect(fold(hrContactsDecider, [])).toEqual([]));

  it('names its HR contacts, recording who did and when', () =>
    spec
      .given([])
      .when(setContacts(['emp-0002', 'emp-0003']))
      .then([
        {
          type: 'HrContactsSet',
          data: { employeeIds: ['emp-0002', 'emp-0003'], setBy: admin, setAt: at },
        },
      ]));

  it('changes nothing by naming nobody', () => spec.given([]).when(setContacts([])).then([]));

  it(`names up to ${MAX_HR_CONTACTS}`, () =>
    spec
      .given([])
      .when(setContacts(employees(MAX_HR_CONTACTS)))
      .thenState((state) => expect(state).toHaveLength(MAX_HR_CONTACTS)));

  it(`cannot name more than ${MAX_HR_CONTACTS}`, () =>
    spec
      .given([])
      .when(setContacts(employees(MAX_HR_CONTACTS + 1)))
      .thenThrows(TooManyHrContacts, /at most 20/));

  it('cannot name someone twice', () =>
    spec
      .given([])
      .when(setContacts(['emp-0002', 'emp-0003', 'emp-0002']))
      .thenThrows(DuplicateHrContacts, /emp-0002/));

  it.each([[''], ['-emp'], ['emp 0002'], ['emp/0002'], ['e'.repeat(129)]])(
    'cannot name %j: it is no employee id',
    (id) =>
      spec
        .given([])
        .when(setContacts(['emp-0002', id]))
        .thenThrows(InvalidHrContactId),
  );

  it('accepts every character the contract allows in an id', () =>
    spec
      .given([])
      .when(setContacts(['A.b_c:d@e-1', 'e'.repeat(128)]))
      .thenState((state) => expect(state).toEqual(['A.b_c:d@e-1', 'e'.repeat(128)])));
});

describe('a tenant with HR contacts', () => {
  const history = [contactsSet(['emp-0002', 'emp-0003'])];

  it('changes nothing when the same people are named again, in any order', () =>
    spec
      .given(history)
      .when(setContacts(['emp-0003', 'emp-0002']))
      .then([]));

  it('replaces the whole list', () =>
    spec
      .given(history)
      .when(setContacts(['emp-0004']))
      .thenState((state) => expect(state).toEqual(['emp-0004'])));

  it('drops one contact by naming the others', () =>
    spec
      .given(history)
      .when(setContacts(['emp-0002']))
      .then([contactsSet(['emp-0002'])]));

  it('names nobody any more with an empty list', () =>
    spec
      .given(history)
      .when(setContacts([]))
      .then([contactsSet([])]));

  it('still refuses a list with someone named twice', () =>
    spec
      .given(history)
      .when(setContacts(['emp-0002', 'emp-0002']))
      .thenThrows(DuplicateHrContacts));
});

function employees(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `emp-${String(index).padStart(4, '0')}`);
}

function setContacts(employeeIds: readonly string[]): HrContactsCommand {
  return { type: 'SetHrContacts', employeeIds, setBy: admin, at };
}

function contactsSet(employeeIds: string[]): HrContactsSet {
  return { type: 'HrContactsSet', data: { employeeIds, setBy: admin, setAt: at } };
}
