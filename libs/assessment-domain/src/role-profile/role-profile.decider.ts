import type { RoleProfileDefined } from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { assertNoViolations, FrameworkNotFound, type Violation } from '../errors';
import { competencyIn, type FrameworkVersion } from '../framework/framework.decider';
import { duplicatesOf, sameIgnoringVersion } from '../rules/content';
import { text } from '@talentloop/i18n';

export type RoleProfile = RoleProfileDefined['data'];
export type RequiredCompetency = RoleProfile['requiredCompetencies'][number];

export interface DefineRoleProfile {
  readonly type: 'DefineRoleProfile';
  readonly data: Pick<RoleProfile, 'roleId' | 'name' | 'requiredCompetencies'> & {
    readonly frameworkId: string;
    /** The framework version the profile refers to, as resolved by the caller. */
    readonly framework: FrameworkVersion | undefined;
  };
}

export type RoleProfileState =
  | { readonly status: 'undefined' }
  | { readonly status: 'defined'; readonly profile: RoleProfile };

const violationsOf = (
  required: readonly RequiredCompetency[],
  framework: FrameworkVersion,
): Violation[] => [
  ...duplicatesOf(required.map((competency) => competency.competencyId)).map((id) => ({
    field: 'requiredCompetencies',
    message: text('assessmentInput.appearsTwice', {
      kind: text('assessmentInput.kind.competency'),
      id,
    }),
  })),
  ...required.flatMap(({ competencyId, requiredLevel, weight }, index) => {
    const field = `requiredCompetencies[${index}]`;
    return [
      ...(competencyIn(framework, competencyId)
        ? []
        : [
            {
              field: `${field}.competencyId`,
              message: text('assessmentInput.notInFrameworkVersion', {
                competencyId,
                frameworkId: framework.frameworkId,
                version: framework.frameworkVersion,
              }),
            },
          ]),
      ...(Number.isInteger(requiredLevel) && requiredLevel >= 1 && requiredLevel <= 5
        ? []
        : [{ field: `${field}.requiredLevel`, message: text('assessmentInput.requiredLevel') }]),
      ...(Number.isFinite(weight) && weight > 0 && weight <= 100
        ? []
        : [{ field: `${field}.weight`, message: text('assessmentInput.weight', { weight }) }]),
    ];
  }),
];

export const roleProfileDecider: Decider<DefineRoleProfile, RoleProfileDefined, RoleProfileState> =
  {
    initialState: () => ({ status: 'undefined' }),
    evolve: (_state, event) => {
      switch (event.type) {
        case 'RoleProfileDefined':
          return { status: 'defined', profile: event.data };
        default:
          return assertNever(event.type);
      }
    },
    decide: (command, state) => {
      const { roleId, name, frameworkId, framework, requiredCompetencies } = command.data;
      if (!framework) throw new FrameworkNotFound(frameworkId);
      assertNoViolations('roleProfile', violationsOf(requiredCompetencies, framework));
      const previous = state.status === 'defined' ? state.profile : undefined;
      const next: RoleProfile = {
        roleId,
        roleVersion: (previous?.roleVersion ?? 0) + 1,
        name,
        frameworkId,
        frameworkVersion: framework.frameworkVersion,
        requiredCompetencies,
      };
      // Defining the same profile again is a retry, not a new version.
      if (previous && sameIgnoringVersion(previous, next, 'roleVersion')) return [];
      return [{ type: 'RoleProfileDefined', data: next }];
    },
  };
