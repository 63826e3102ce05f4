// The demo's generated organisation: who calls, who works where, what each role requires.
import type { Caller } from './http';

export const hr: Caller = { userId: 'hr-anna', roles: 'hr' };
export const manager: Caller = { userId: 'mgr-ben', roles: 'manager,employee' };
export const employee: Caller = { userId: 'emp-chloe', roles: 'employee' };
export const integrator: Caller = { userId: 'int-hris', roles: 'integrator' };

export const departments = {
  engineering: 'Engineering',
  sales: 'Sales',
} as const;
export type Department = keyof typeof departments;

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
  readonly role: string;
  readonly manager: string | null;
}
export const people: readonly Person[] = [
  { id: 'hr-anna', name: 'Anna de Vries', department: 'sales', role: 'hr-partner', manager: null },
  {
    id: 'mgr-ben',
    name: 'Ben Okafor',
    department: 'engineering',
    role: 'team-lead',
    manager: null,
  },
  ...(
    [
      ['emp-chloe', 'Chloe Martin', 'engineering', 'software-engineer'],
      ['emp-daan', 'Daan Jansen', 'engineering', 'software-engineer'],
      ['emp-elif', 'Elif Yilmaz', 'engineering', 'software-engineer'],
      ['emp-finn', 'Finn Larsen', 'engineering', 'software-engineer'],
      ['emp-grace', 'Grace Chen', 'sales', 'account-manager'],
      ['emp-hugo', 'Hugo Bakker', 'sales', 'account-manager'],
      ['emp-iris', 'Iris Novak', 'sales', 'account-manager'],
    ] as const
  ).map(([id, name, department, role]) => ({ id, name, department, role, manager: 'mgr-ben' })),
];
export const employees = people.filter((person) => person.manager !== null);

export const roleProfiles = {
  'software-engineer': { name: 'Software engineer', collaboration: [4, 40], ownership: [3, 30] },
  'account-manager': { name: 'Account manager', collaboration: [4, 50], ownership: [4, 30] },
  'team-lead': { name: 'Team lead', collaboration: [5, 50], ownership: [4, 40] },
  'hr-partner': { name: 'HR partner', collaboration: [4, 50], ownership: [3, 20] },
} as const;
