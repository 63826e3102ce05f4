import type { CompetencyFrameworkPublished } from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { assertNoViolations, type Violation } from '../errors';
import { duplicatesOf, sameIgnoringVersion } from '../rules/content';
import { text } from '@talentloop/i18n';

export type FrameworkVersion = CompetencyFrameworkPublished['data'];
export type Competency = FrameworkVersion['competencies'][number];

export interface PublishFramework {
  readonly type: 'PublishFramework';
  readonly data: Omit<FrameworkVersion, 'frameworkVersion'>;
}

/** Every published version is kept: publishing a new one never rewrites what was measured. */
export type FrameworkState =
  | { readonly status: 'unpublished' }
  | { readonly status: 'published'; readonly versions: readonly FrameworkVersion[] };

export const latestVersion = (state: FrameworkState): FrameworkVersion | undefined =>
  state.status === 'published' ? state.versions.at(-1) : undefined;

export const competencyIn = (
  framework: FrameworkVersion,
  competencyId: string,
): Competency | undefined =>
  framework.competencies.find((competency) => competency.competencyId === competencyId);

const appearsTwice = (kind: 'competency' | 'indicator' | 'facet', id: string) =>
  text('assessmentInput.appearsTwice', { kind: text(`assessmentInput.kind.${kind}`), id });

const violationsOf = (framework: PublishFramework['data']): Violation[] => [
  ...duplicatesOf(framework.competencies.map((competency) => competency.competencyId)).map(
    (id) => ({ field: 'competencies', message: appearsTwice('competency', id) }),
  ),
  ...framework.competencies.flatMap((competency, index) => [
    ...duplicatesOf(competency.indicators.map((indicator) => indicator.indicatorId)).map((id) => ({
      field: `competencies[${index}].indicators`,
      message: appearsTwice('indicator', id),
    })),
    ...duplicatesOf(competency.facets.map((facet) => facet.facetId)).map((id) => ({
      field: `competencies[${index}].facets`,
      message: appearsTwice('facet', id),
    })),
  ]),
];

export const frameworkDecider: Decider<
  PublishFramework,
  CompetencyFrameworkPublished,
  FrameworkState
> = {
  initialState: () => ({ status: 'unpublished' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CompetencyFrameworkPublished':
        return {
          status: 'published',
          versions: [...(state.status === 'published' ? state.versions : []), event.data],
        };
      default:
        return assertNever(event.type);
    }
  },
  decide: (command, state) => {
    assertNoViolations('framework', violationsOf(command.data));
    const latest = latestVersion(state);
    const { frameworkId, name, language, competencies } = command.data;
    const next = {
      frameworkId,
      frameworkVersion: (latest?.frameworkVersion ?? 0) + 1,
      name,
      language,
      competencies,
    };
    // Publishing the same content again is a retry, not a new version.
    if (latest && sameIgnoringVersion(latest, next, 'frameworkVersion')) return [];
    return [{ type: 'CompetencyFrameworkPublished', data: next }];
  },
};
