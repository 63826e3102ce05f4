/**
 * Matches a URL path against a route pattern with `:name` segments: the named values, or
 * undefined when the path is not that route.
 */
export const matchRoute = (
  pattern: string,
  path: string,
): Readonly<Record<string, string>> | undefined => {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const values: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? '';
    if (segment.startsWith(':')) {
      try {
        values[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (segment !== actual) return undefined;
  }
  return values;
};
