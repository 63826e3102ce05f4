// The organisation's fixed vocabulary: its competency framework, role profiles, instruments,
// check-in cadences and kinds of action.
import type { MeasurementInstrument } from '@talentloop/contracts';

export const FRAMEWORK_ID = 'framework-core';
export const FRAMEWORK_VERSION = 1;

export const competencyNames = [
  'Collaboration',
  'Communication',
  'Ownership',
  'Problem solving',
  'Coaching',
  'Planning',
  'Customer focus',
  'Adaptability',
] as const;

export interface Competency {
  readonly id: string;
  readonly indicators: readonly string[];
  readonly facets: readonly string[];
}

export const competencies: readonly Competency[] = competencyNames.map((name) => {
  const id = name.toLowerCase().replace(/ /g, '-');
  return {
    id,
    indicators: [1, 2, 3].map((n) => `${id}-i${n}`),
    facets: [1, 2].map((n) => `${id}-f${n}`),
  };
});

/** Role profiles: the competencies (by index), required level and weight. */
export const roles = [
  {
    roleId: 'team-lead',
    name: 'Team lead',
    required: [
      [0, 4, 30],
      [4, 4, 30],
      [5, 3, 20],
      [1, 4, 20],
    ],
  },
  {
    roleId: 'engineer',
    name: 'Engineer',
    required: [
      [3, 4, 40],
      [0, 3, 25],
      [2, 3, 20],
      [7, 3, 15],
    ],
  },
  {
    roleId: 'analyst',
    name: 'Analyst',
    required: [
      [3, 4, 35],
      [1, 3, 30],
      [5, 3, 20],
      [2, 3, 15],
    ],
  },
  {
    roleId: 'consultant',
    name: 'Consultant',
    required: [
      [6, 4, 35],
      [1, 4, 30],
      [7, 3, 20],
      [0, 3, 15],
    ],
  },
] as const;

export type Role = (typeof roles)[number];

export const baselineInstruments: readonly MeasurementInstrument[] = [
  'assessment',
  'assessment',
  'assessment',
  '360-round',
  '360-round',
  '360-round',
  '360-round',
  'manager-observation',
  'mini-feedback',
  'self-evaluation',
];
export const cadences = ['weekly', 'fortnightly', 'fortnightly', 'monthly', 'monthly'] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceDays = { weekly: 7, fortnightly: 14, monthly: 30 } as const;
export const actionKinds = ['on-the-job', 'learning-from-others', 'formal-learning'] as const;
