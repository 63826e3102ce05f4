import { DeciderSpecification } from '@talentloop/testing';
import { FrameworkNotFound, InvalidAssessmentInput } from '../errors';
import { framework, role } from '../test-fixtures';
import { roleProfileDecider, type DefineRoleProfile } from './role-profile.decider';

const spec = DeciderSpecification.for(roleProfileDecider);

describe('a role without a profile', () => {
  it('is defined against the framework version given', () =>
    spec
      .given([])
      .when(define)
      .then([{ type: 'RoleProfileDefined', data: role }]));

  it.each([0, -2])('refuses a weight of %d', (weight) =>
    spec
      .given([])
      .when(requiring([{ competencyId: 'collaboration', requiredLevel: 4, weight }]))
      .thenThrows(InvalidAssessmentInput),
  );

  it('refuses a competency the framework does not define', () =>
    spec
      .given([])
      .when(requiring([{ competencyId: 'juggling', requiredLevel: 2, weight: 10 }]))
      .thenThrows(InvalidAssessmentInput));

  it('refuses an unpublished framework', () =>
    spec
      .given([])
      .when({ type: 'DefineRoleProfile', data: { ...define.data, framework: undefined } })
      .thenThrows(FrameworkNotFound));
});

describe('a defined role profile', () => {
  const defined = { type: 'RoleProfileDefined' as const, data: role };

  it('gets a new version when the requirements change', () =>
    spec
      .given([defined])
      .when(requiring([{ competencyId: 'planning', requiredLevel: 5, weight: 30 }]))
      .thenState((state) => {
        expect(state.status === 'defined' && state.profile.roleVersion).toBe(2);
      }));

  it('records nothing when defined again unchanged', () =>
    spec.given([defined]).when(define).then([]));
});

const define: DefineRoleProfile = {
  type: 'DefineRoleProfile',
  data: {
    roleId: role.roleId,
    name: role.name,
    frameworkId: 'core',
    framework,
    requiredCompetencies: role.requiredCompetencies,
  },
};

const requiring = (
  requiredCompetencies: DefineRoleProfile['data']['requiredCompetencies'],
): DefineRoleProfile => ({
  type: 'DefineRoleProfile',
  data: { ...define.data, requiredCompetencies },
});
