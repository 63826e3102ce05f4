import { DomainError } from '@talentloop/domain-kernel';

/** More HR contacts than a tenant may name (`max` in the details). */
export class TooManyHrContacts extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'HR_CONTACTS_TOO_MANY';
}

/** The list names someone twice (`duplicates` in the details). */
export class DuplicateHrContacts extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'HR_CONTACTS_DUPLICATE';
}

/** An entry of the list is no employee id (`invalidIds` in the details). */
export class InvalidHrContactId extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'HR_CONTACT_ID_INVALID';
}
