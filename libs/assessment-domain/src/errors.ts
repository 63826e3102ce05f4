import { DomainError } from '@talentloop/domain-kernel';
import { text, type Text } from '@talentloop/i18n';

/** One broken rule of an input, named by the field it concerns; the edge says it in a language. */
export interface Violation {
  readonly field: string;
  readonly message: Text;
}

/** What an input is, as a refusal names it. */
export type InputSubject =
  | 'framework'
  | 'employeeRecord'
  | 'measurement'
  | 'feedbackRound'
  | 'motivation'
  | 'roleProfile';

/** The input breaks one or more rules; every broken rule is listed, not just the first. */
export class InvalidAssessmentInput extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'INVALID_ASSESSMENT_INPUT';
  constructor(
    subject: InputSubject,
    readonly violations: readonly Violation[],
  ) {
    super(
      text('assessmentInput.invalid', {
        subject: text(`assessmentInput.subject.${subject}`),
        problems: violations.length,
      }),
      { errors: violations },
    );
  }
}

/** Throws when there is anything to complain about. */
export const assertNoViolations = (
  subject: InputSubject,
  violations: readonly Violation[],
): void => {
  if (violations.length > 0) throw new InvalidAssessmentInput(subject, violations);
};

export class EmployeeNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'EMPLOYEE_NOT_FOUND';
  constructor(employeeId: string) {
    super(text('assessment.employeeNotFound', { employeeId }), { employeeId });
  }
}

export class FrameworkNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'FRAMEWORK_NOT_FOUND';
  constructor(frameworkId: string, version?: number) {
    super(
      version === undefined
        ? text('assessment.frameworkNotPublished', { frameworkId })
        : text('assessment.frameworkVersionNotPublished', { frameworkId, version }),
      { frameworkId, ...(version === undefined ? {} : { frameworkVersion: version }) },
    );
  }
}

export class RoleProfileMissing extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ROLE_PROFILE_MISSING';
  constructor(roleId: string) {
    super(text('assessment.roleProfileMissing', { roleId }), {
      roleId,
    });
  }
}

export class NoBaseline extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'NO_BASELINE';
  constructor(employeeId: string, competencyId: string) {
    super(text('assessment.noBaseline', { competencyId, employeeId }), {
      employeeId,
      competencyId,
    });
  }
}

export class AptitudeUnknown extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'APTITUDE_UNKNOWN';
  constructor(competencyId: string, scoredBy: '360-round' | 'manager-observation' = '360-round') {
    super(
      scoredBy === '360-round'
        ? text('assessment.aptitudeUnknownIn360', { competencyId })
        : text('assessment.aptitudeUnknownInObservation', { competencyId }),
      { competencyId },
    );
  }
}

/** A manager observation is of someone else: one's own view of oneself is a self-evaluation. */
export class SelfObservation extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'NOT_ALLOWED';
  constructor() {
    super(text('assessment.selfObservation'));
  }
}

export class RoleProfileNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'ROLE_PROFILE_NOT_FOUND';
  constructor(roleId: string) {
    super(text('assessment.roleProfileNotFound', { roleId }), { roleId });
  }
}
