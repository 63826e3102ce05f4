import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../../event-definition';
import { Id } from '../../metadata';
import { DevelopmentTargetKind, Language, ProficiencyLevel, Text } from '../shared.schemas';

const context = 'assessment';

const levelDescription = (level: number) => Text(`What the indicator looks like at level ${level}`);

const BehaviourIndicator = Type.Object(
  {
    indicatorId: Id('Behaviour indicator, stable across framework versions'),
    name: Text('Short name of the indicator', 200),
    levels: Type.Object(
      {
        '1': levelDescription(1),
        '2': levelDescription(2),
        '3': levelDescription(3),
        '4': levelDescription(4),
        '5': levelDescription(5),
      },
      { additionalProperties: false, description: 'Observable behaviour per proficiency level' },
    ),
  },
  { additionalProperties: false },
);

const TalentFacet = Type.Object(
  {
    facetId: Id('Talent facet (personality or cognitive trait)'),
    name: Text('Short name of the facet', 200),
    description: Text('What the facet measures'),
  },
  { additionalProperties: false },
);

export const CompetencyFrameworkPublished = defineEvent({
  context,
  name: 'CompetencyFrameworkPublished',
  version: 1,
  description:
    'A version of the competency framework was published; measurements and goals refer to it.',
  schema: Type.Object(
    {
      frameworkId: Id('Competency framework'),
      frameworkVersion: Type.Integer({ minimum: 1, description: 'Increases with every publish' }),
      name: Text('Name of the framework', 200),
      language: Language,
      competencies: Type.Array(
        Type.Object(
          {
            competencyId: Id('Competency, skill, certification or knowledge area'),
            name: Text('Name, e.g. "Collaboration"', 200),
            definition: Text('What the competency means'),
            kind: DevelopmentTargetKind,
            indicators: Type.Array(BehaviourIndicator, { maxItems: 30 }),
            facets: Type.Array(TalentFacet, {
              maxItems: 30,
              description: 'Talent facets that underlie aptitude for the competency',
            }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 500 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.frameworkId,
  example: {
    frameworkId: 'framework-core',
    frameworkVersion: 3,
    name: 'Core competencies',
    language: 'en',
    competencies: [
      {
        competencyId: 'collaboration',
        name: 'Collaboration',
        definition: 'Works with others towards a shared result.',
        kind: 'competency',
        indicators: [
          {
            indicatorId: 'active-listening',
            name: 'Active listening',
            levels: {
              '1': 'Interrupts others.',
              '2': 'Listens when asked to.',
              '3': 'Summarises what others say.',
              '4': 'Asks questions that deepen the conversation.',
              '5': 'Makes others feel heard in difficult conversations.',
            },
          },
        ],
        facets: [
          { facetId: 'agreeableness', name: 'Agreeableness', description: 'Warmth and trust.' },
        ],
      },
    ],
  },
});

export const RoleProfileDefined = defineEvent({
  context,
  name: 'RoleProfileDefined',
  version: 1,
  description: 'A version of a role profile: the competencies a role requires, level and weight.',
  schema: Type.Object(
    {
      roleId: Id('Role'),
      roleVersion: Type.Integer({ minimum: 1, description: 'Increases with every definition' }),
      name: Text('Name of the role', 200),
      frameworkId: Id('Framework the competencies belong to'),
      frameworkVersion: Type.Integer({ minimum: 1 }),
      requiredCompetencies: Type.Array(
        Type.Object(
          {
            competencyId: Id('Required competency'),
            requiredLevel: ProficiencyLevel('Proficiency level the role requires'),
            weight: Type.Number({
              exclusiveMinimum: 0,
              maximum: 100,
              description: 'Impact of the competency on performing in the role',
            }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.roleId,
  example: {
    roleId: 'team-lead',
    roleVersion: 2,
    name: 'Team lead',
    frameworkId: 'framework-core',
    frameworkVersion: 3,
    requiredCompetencies: [{ competencyId: 'collaboration', requiredLevel: 4, weight: 0.4 }],
  },
});

export type CompetencyFrameworkPublished = EventOf<typeof CompetencyFrameworkPublished>;
export type RoleProfileDefined = EventOf<typeof RoleProfileDefined>;
