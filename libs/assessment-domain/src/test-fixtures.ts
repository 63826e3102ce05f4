import type { FrameworkVersion } from './framework/framework.decider';
import type { RoleProfile } from './role-profile/role-profile.decider';
import type { EmployeeRecord, Reference } from './employee/employee.decider';
import type { MeasurementInput } from './rules/measurement';

/** Shared by the unit specs of this library; not exported from its index. */
const levels = (what: string) => ({
  '1': `${what} rarely`,
  '2': `${what} when asked`,
  '3': `${what} by default`,
  '4': `${what} and coaches others`,
  '5': `${what} in difficult situations`,
});

export const framework: FrameworkVersion = {
  frameworkId: 'core',
  frameworkVersion: 1,
  name: 'Core competencies',
  language: 'en',
  competencies: [
    {
      competencyId: 'collaboration',
      name: 'Collaboration',
      definition: 'Works with others towards a shared result.',
      kind: 'competency',
      indicators: [
        { indicatorId: 'active-listening', name: 'Active listening', levels: levels('Listens') },
        { indicatorId: 'shares-information', name: 'Shares information', levels: levels('Shares') },
        { indicatorId: 'asks-for-help', name: 'Asks for help', levels: levels('Asks') },
      ],
      facets: [{ facetId: 'agreeableness', name: 'Agreeableness', description: 'Warmth.' }],
    },
    {
      competencyId: 'planning',
      name: 'Planning',
      definition: 'Organises work ahead.',
      kind: 'competency',
      indicators: [
        { indicatorId: 'sets-priorities', name: 'Sets priorities', levels: levels('Sets') },
      ],
      facets: [],
    },
  ],
};

export const role: RoleProfile = {
  roleId: 'team-lead',
  roleVersion: 1,
  name: 'Team lead',
  frameworkId: 'core',
  frameworkVersion: 1,
  requiredCompetencies: [
    { competencyId: 'collaboration', requiredLevel: 4, weight: 40 },
    { competencyId: 'planning', requiredLevel: 3, weight: 20 },
  ],
};

export const reference: Reference = { role, framework };

export const sanne: EmployeeRecord = {
  employeeId: 'emp-1',
  externalId: 'HR-1',
  displayName: 'Sanne de Vries',
  email: 'sanne@example.com',
  roleId: 'team-lead',
  departmentId: 'ops',
  departmentName: 'Operations',
  managerId: 'emp-7',
  preferredLanguage: 'nl',
  employmentStatus: 'active',
};

export const baseline: MeasurementInput = {
  measurementId: 'msr-1',
  employeeId: 'emp-1',
  competencyId: 'collaboration',
  instrument: '360-round',
  aptitude: 78,
  behaviour: 45,
  indicatorScores: [
    { indicatorId: 'active-listening', score: 40 },
    { indicatorId: 'shares-information', score: 71 },
    { indicatorId: 'asks-for-help', score: 50 },
  ],
  facetScores: [{ facetId: 'agreeableness', score: 80 }],
  measuredAt: '2026-01-12T14:00:00.000Z',
};
