import { DomainError, type DomainErrorKind } from '@talentloop/domain-kernel';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  InvalidEventError,
  WrongExpectedRevisionError,
} from '@talentloop/event-store';
import { ErasurePendingError } from '@talentloop/privacy';
import {
  containsText,
  render,
  renderTextsIn,
  text,
  type Language,
  type Text,
} from '@talentloop/i18n';
import { ReadSideBehindError } from '@talentloop/read-models';

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  /** Field-level problems: every bad field, not just the first. */
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json';

const statusOfKind: Record<DomainErrorKind, number> = {
  conflict: 409,
  invalid: 422,
  not_found: 404,
  forbidden: 403,
};

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const typeOf = (code: string) => `urn:talentloop:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/** The members every problem has; an extension never replaces one of them (RFC 9457 §3.2). */
const STANDARD_MEMBERS: ReadonlySet<string> = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
]);

/** The catalogue text of a problem's detail, kept off the JSON body. */
const DETAIL_TEXT = Symbol('detailText');
/** Extensions holding catalogue texts (field messages), as given: kept off the JSON body. */
const EXTENSION_TEXTS = Symbol('extensionTexts');

/**
 * A problem document. A detail given as a catalogue text, and catalogue texts among the
 * extensions (a field error's message), read in English here and in the request's language
 * once the filter sends it (`inLanguage`). Extensions (a domain error's details, field errors) come after the
 * standard members and can never overwrite them: a detail named `status` once turned a 409
 * into a 500 (`Invalid status code: "approved"`); such a key is left out.
 */
export const problem = (
  status: number,
  code: string,
  detail: string | Text,
  extensions: Record<string, unknown> = {},
): ProblemDetails => {
  const document: Record<string, unknown> = {
    type: typeOf(code),
    title: titles[status] ?? 'Error',
    status,
    detail: typeof detail === 'string' ? detail : render('en', detail),
    code,
  };
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extensions))
    if (!STANDARD_MEMBERS.has(key)) own[key] = value;
  const withTexts = containsText(own);
  Object.assign(document, withTexts ? renderTextsIn(own, 'en') : own);
  if (typeof detail !== 'string')
    Object.defineProperty(document, DETAIL_TEXT, { value: detail, enumerable: false });
  if (withTexts)
    Object.defineProperty(document, EXTENSION_TEXTS, { value: own, enumerable: false });
  return document as ProblemDetails;
};

/** The problem with its detail in the language, where the detail is a catalogue text. */
export const inLanguage = (details: ProblemDetails, language: Language): ProblemDetails => {
  const { [DETAIL_TEXT]: detail, [EXTENSION_TEXTS]: extensions } = details as {
    [DETAIL_TEXT]?: Text;
    [EXTENSION_TEXTS]?: Record<string, unknown>;
  };
  return {
    ...details,
    ...(detail !== undefined && { detail: render(language, detail) }),
    ...(extensions !== undefined && (renderTextsIn(extensions, language) as object)),
  };
};

/** A problem's field errors as given: their messages still catalogue texts where they were. */
export const fieldErrorsOf = (
  details: ProblemDetails,
): readonly { readonly field: string; readonly message: Text | string }[] => {
  const given = (details as { [EXTENSION_TEXTS]?: { errors?: unknown } })[EXTENSION_TEXTS];
  return (
    (given?.errors as readonly { field: string; message: Text | string }[] | undefined) ??
    details.errors ??
    []
  );
};

/**
 * A client error the HTTP stack raises before any route runs (body-parser: body too large,
 * unsupported charset or encoding), marked by http-errors as safe to show.
 */
interface ExposedClientError {
  readonly expose: true;
  readonly status: number;
  readonly message: string;
  readonly type?: unknown;
}

const isExposedClientError = (error: unknown): error is ExposedClientError => {
  const candidate = error as Partial<ExposedClientError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
};

/**
 * Maps the errors the libraries raise on purpose to problem details; anything else is a
 * 500 whose detail reveals nothing (the log has the cause).
 */
export const problemOf = (error: unknown, language: Language = 'en'): ProblemDetails => {
  if (error instanceof DomainError)
    return problem(statusOfKind[error.kind], error.code, error.messageIn(language), {
      ...error.detailsIn(language),
    });
  if (error instanceof WrongExpectedRevisionError)
    return problem(409, error.code, text('problem.changedBySomeoneElse'), {
      expectedRevision: String(error.expected),
      actualRevision: error.actual === undefined ? null : String(error.actual),
    });
  if (error instanceof InvalidEventError)
    return problem(422, error.code, error.message, { errors: error.violations });
  if (error instanceof DuplicateEventIdError) return problem(409, error.code, error.message);
  if (isExposedClientError(error))
    return problem(
      error.status,
      typeof error.type === 'string'
        ? error.type.toUpperCase().replace(/\W/g, '_')
        : `HTTP_${error.status}`,
      error.message,
    );
  if (error instanceof EventStoreUnavailableError)
    return problem(503, error.code, text('problem.eventStoreUnavailable'));
  if (error instanceof ErasurePendingError)
    return problem(503, error.code, text('http.erasurePending', { message: error.message }));
  if (error instanceof ReadSideBehindError)
    return problem(503, error.code, text('problem.catchingUp'));
  return problem(500, 'INTERNAL', text('problem.unexpected'));
};
