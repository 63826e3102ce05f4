import type { GoalContent } from './goal';

/** A goal's content for the specs: listening in meetings, one criterion, action and milestone. */
export const listeningGoal: GoalContent = {
  title: 'Listen first in design reviews',
  language: 'en',
  target: { kind: 'competency', competencyId: 'collaboration', indicatorIds: ['collab-listening'] },
  behaviour: 'Summarise what the speaker said before answering.',
  situation: 'In team meetings.',
  successCriteria: [
    {
      kind: 'measured',
      criterionId: 'crit-1',
      instrument: '360-round',
      metric: 'indicator-score',
      indicatorIds: ['collab-listening'],
      target: 60,
      description: 'Listening scores 60 in the next 360° round',
    },
  ],
  actions: [
    {
      actionId: 'act-1',
      kind: 'on-the-job',
      description: 'Summarise before replying',
      frequency: 'every meeting',
      estimatedHours: 4,
    },
  ],
  milestones: [{ description: 'Review with the manager', dueOn: '2027-02-07' }],
  deadline: '2027-03-01',
};
