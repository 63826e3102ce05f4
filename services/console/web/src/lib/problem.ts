/** An API's answer that was not a success: its status and RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    /** Per-field messages of a validation problem, when the service sent them. */
    readonly fields: readonly { readonly field: string; readonly message: string }[] = [],
    readonly code: string | undefined = undefined,
    /** The problem's other members (RFC 9457 extensions), e.g. the checks a refusal lists. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

/** The ApiError a response body describes (problem+json, or anything else the server sent). */
export const apiErrorOf = (status: number, statusText: string, body: unknown): ApiError => {
  if (typeof body !== 'object' || body === null)
    return new ApiError(status, statusText || `HTTP ${status}`, undefined);
  const problem = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const list = Array.isArray(problem['errors']) ? (problem['errors'] as unknown[]) : [];
  const fields = list.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const item = entry as Record<string, unknown>;
    const field = text(item['field']) ?? text(item['property']) ?? text(item['pointer']) ?? '';
    const message = text(item['message']) ?? text(item['detail']) ?? '';
    return message ? [{ field, message }] : [];
  });
  return new ApiError(
    status,
    text(problem['title']) ?? (statusText || `HTTP ${status}`),
    text(problem['detail']),
    fields,
    text(problem['code']),
    Object.fromEntries(
      Object.entries(problem).filter(
        ([name]) =>
          !['type', 'title', 'status', 'detail', 'code', 'instance', 'errors'].includes(name),
      ),
    ),
  );
};

/**
 * A validation problem's messages by the form field each belongs to (`fieldOf` names it, or
 * undefined when it belongs to none), several for one field joined by a space.
 */
export const messagesByField = <Field extends string>(
  fields: ApiError['fields'],
  fieldOf: (apiField: string) => Field | undefined,
): Partial<Record<Field, string>> => {
  const byField: Partial<Record<Field, string>> = {};
  for (const { field, message } of fields) {
    const name = fieldOf(field);
    if (name !== undefined) byField[name] = byField[name] ? `${byField[name]} ${message}` : message;
  }
  return byField;
};
