import { HrContactsSet } from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { DuplicateHrContacts, InvalidHrContactId, TooManyHrContacts } from './hr-contacts.errors';

export type HrContactsCommand = {
  readonly type: 'SetHrContacts';
  /** The whole list: who is left out no longer receives the mails addressed to HR. */
  readonly employeeIds: readonly string[];
  readonly setBy: string;
  /** When it was set, ISO 8601: time comes with the command. */
  readonly at: string;
};

/** The current HR contacts of the tenant; none until an admin names them. */
export type HrContactsState = readonly string[];

/** A limit the contract's schema sets: read from it, so the decider refuses what it would. */
const limit = <Value>(value: Value | undefined, name: string): Value => {
  if (value === undefined) throw new Error(`HrContactsSet's schema sets no ${name}`);
  return value;
};

const listSchema = HrContactsSet.schema.properties.employeeIds;
export const MAX_HR_CONTACTS = limit(listSchema.maxItems, 'maxItems');
const idSchema = listSchema.items;
const idMinLength = limit(idSchema.minLength, 'minLength of an id');
const idMaxLength = limit(idSchema.maxLength, 'maxLength of an id');
const idPattern = new RegExp(limit(idSchema.pattern, 'pattern of an id'));

const isEmployeeId = (id: string) =>
  id.length >= idMinLength && id.length <= idMaxLength && idPattern.test(id);

const checked = (employeeIds: readonly string[]): readonly string[] => {
  if (employeeIds.length > MAX_HR_CONTACTS)
    throw new TooManyHrContacts(
      `a tenant names at most ${MAX_HR_CONTACTS} HR contacts; got ${employeeIds.length}`,
      { max: MAX_HR_CONTACTS, count: employeeIds.length },
    );
  const duplicates = [...new Set(employeeIds.filter((id, at) => employeeIds.indexOf(id) !== at))];
  if (duplicates.length > 0)
    throw new DuplicateHrContacts(`HR contacts named more than once: ${duplicates.join(', ')}`, {
      duplicates,
    });
  const invalidIds = employeeIds.filter((id) => !isEmployeeId(id));
  if (invalidIds.length > 0)
    throw new InvalidHrContactId(
      `not employee ids: ${invalidIds.map((id) => JSON.stringify(id)).join(', ')}`,
      { invalidIds },
    );
  return employeeIds;
};

/** The same people in any order: the contacts are a set. */
const samePeople = (left: readonly string[], right: readonly string[]) =>
  left.length === right.length && left.every((id) => right.includes(id));

const decide = (command: HrContactsCommand, state: HrContactsState): readonly HrContactsSet[] => {
  switch (command.type) {
    case 'SetHrContacts': {
      const employeeIds = checked(command.employeeIds);
      if (samePeople(employeeIds, state)) return [];
      return [
        {
          type: 'HrContactsSet',
          data: { employeeIds: [...employeeIds], setBy: command.setBy, setAt: command.at },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
};

export const hrContactsDecider: Decider<HrContactsCommand, HrContactsSet, HrContactsState> = {
  initialState: () => [],
  evolve: (_state, event) => event.data.employeeIds,
  decide,
};
