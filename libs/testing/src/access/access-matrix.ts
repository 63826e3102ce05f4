import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { roles, type EndpointKey, type Role } from '@talentloop/service-kit';

/** One cell of the written matrix: whether a role reaches own / other / other-tenant subjects. */
export interface MatrixCell {
  readonly own: boolean;
  /** undefined: the endpoint has no single subject (`·`). */
  readonly other: boolean | undefined;
  readonly otherTenant: boolean;
}

export type MatrixRow = { readonly service: string } & (
  | { readonly public: true }
  | { readonly public: false; readonly cells: Readonly<Record<Role, MatrixCell>> }
);

export const ACCESS_MATRIX_PATH = join(
  __dirname,
  '..',
  '..',
  '..',
  'platform',
  'service-kit',
  'src',
  'access',
  'ACCESS-MATRIX.md',
);

const mark = (text: string | undefined, where: string): boolean => {
  if (text === '✓') return true;
  if (text === '✗') return false;
  throw new Error(`ACCESS-MATRIX.md: "${text}" in ${where} is neither ✓ nor ✗`);
};

const cellOf = (text: string, where: string): MatrixCell => {
  const [own, other, otherTenant, ...rest] = text.split(/\s+/).filter(Boolean);
  if (rest.length > 0 || otherTenant === undefined)
    throw new Error(`ACCESS-MATRIX.md: ${where} must read "own other other-tenant"`);
  return {
    own: mark(own, where),
    other: other === '·' ? undefined : mark(other, where),
    otherTenant: mark(otherTenant, where),
  };
};

/** The written access matrix, row by row, as `ACCESS-MATRIX.md` states it. */
export const readAccessMatrix = (
  text = readFileSync(ACCESS_MATRIX_PATH, 'utf8'),
): ReadonlyMap<EndpointKey, MatrixRow> => {
  const rows = new Map<EndpointKey, MatrixRow>();
  for (const line of text.split('\n')) {
    const match = /^\|\s*`([A-Z]+ \/[^`]*)`\s*\|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    const key = match[1] as EndpointKey;
    const [service = '', ...columns] = (match[2] ?? '').split('|').map((part) => part.trim());
    if (columns.length !== roles.length)
      throw new Error(`ACCESS-MATRIX.md: ${key} has ${columns.length} role columns`);
    if (rows.has(key)) throw new Error(`ACCESS-MATRIX.md: ${key} is written twice`);
    if (columns.every((column) => column === 'public')) {
      rows.set(key, { service, public: true });
      continue;
    }
    const cells = Object.fromEntries(
      roles.map((role, index) => [role, cellOf(columns[index] ?? '', `${key} × ${role}`)]),
    ) as Record<Role, MatrixCell>;
    rows.set(key, { service, public: false, cells });
  }
  return rows;
};
