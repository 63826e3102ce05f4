/** Behavioural anchors of the five levels of an indicator. */
const levels = (what: string) => ({
  '1': `Rarely shows ${what}.`,
  '2': `Shows ${what} when asked.`,
  '3': `Shows ${what} by default.`,
  '4': `Coaches others in ${what}.`,
  '5': `Shows ${what} under pressure and in conflict.`,
});
/** The competency framework the demo publishes (and the system bench seeds). */
export const framework = {
  name: 'Talentloop demo framework',
  language: 'en',
  competencies: [
    {
      competencyId: 'collaboration',
      name: 'Collaboration',
      definition: 'Works with others towards a shared result, listening and sharing openly.',
      kind: 'competency',
      indicators: [
        { indicatorId: 'collab-listening', name: 'Active listening', levels: levels('listening') },
        { indicatorId: 'collab-sharing', name: 'Sharing information', levels: levels('sharing') },
        { indicatorId: 'collab-feedback', name: 'Giving feedback', levels: levels('feedback') },
      ],
      facets: [
        { facetId: 'agreeableness', name: 'Agreeableness', description: 'Warmth and trust.' },
        { facetId: 'openness', name: 'Openness', description: 'Curiosity about other views.' },
      ],
    },
    {
      competencyId: 'ownership',
      name: 'Ownership',
      definition: 'Takes responsibility for outcomes and follows through.',
      kind: 'competency',
      indicators: [
        { indicatorId: 'own-commit', name: 'Making commitments', levels: levels('commitment') },
        { indicatorId: 'own-follow', name: 'Following through', levels: levels('follow-through') },
      ],
      facets: [
        {
          facetId: 'conscientiousness',
          name: 'Conscientiousness',
          description: 'Diligence and order.',
        },
      ],
    },
  ],
};
