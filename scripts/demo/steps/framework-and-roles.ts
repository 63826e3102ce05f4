import { framework } from '../framework';
import { line, step } from '../print';
import { hr, roleProfiles } from '../organisation';
import { api } from '../run';

/** HR publishes the competency framework and a profile per role; returns the framework version. */
export const publishFrameworkAndRoles = async () => {
  step('Competency framework and role profiles (HR)');
  const published = await api.call<{ frameworkVersion: number }>(
    'assessment',
    'POST',
    '/frameworks/core/versions',
    hr,
    {
      body: framework,
    },
  );
  line(
    `framework "core" v${published.frameworkVersion}: ${framework.competencies
      .map((c) => `${c.name} (${c.indicators.length} indicators, ${c.facets.length} facets)`)
      .join(', ')}`,
  );
  for (const [roleId, profile] of Object.entries(roleProfiles)) {
    await api.call('assessment', 'PUT', `/role-profiles/${roleId}`, hr, {
      body: {
        name: profile.name,
        frameworkId: 'core',
        requiredCompetencies: (['collaboration', 'ownership'] as const).map((competencyId) => ({
          competencyId,
          requiredLevel: profile[competencyId][0],
          weight: profile[competencyId][1],
        })),
      },
    });
    line(
      `role ${roleId.padEnd(18)} collaboration L${profile.collaboration[0]} w${profile.collaboration[1]}, ownership L${profile.ownership[0]} w${profile.ownership[1]}`,
    );
  }
  return published.frameworkVersion;
};
