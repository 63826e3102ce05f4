import { DeciderSpecification } from '@talentloop/testing';
import { InvalidAssessmentInput } from '../errors';
import { framework } from '../test-fixtures';
import { frameworkDecider, type PublishFramework } from './framework.decider';

const spec = DeciderSpecification.for(frameworkDecider);

describe('an unpublished framework', () => {
  it('is published as version 1', () =>
    spec
      .given([])
      .when(publish)
      .then([{ type: 'CompetencyFrameworkPublished', data: framework }]));

  it('refuses a competency listed twice, naming it', () =>
    spec
      .given([])
      .when({
        type: 'PublishFramework',
        data: {
          ...publish.data,
          competencies: [...framework.competencies, framework.competencies[0]],
        },
      })
      .thenThrows(InvalidAssessmentInput, /1 problem/));

  it('refuses an indicator listed twice in one competency', () => {
    const [collaboration] = framework.competencies;
    const doubled = {
      ...collaboration,
      indicators: [...collaboration.indicators, collaboration.indicators[0]],
    };
    spec
      .given([])
      .when({ type: 'PublishFramework', data: { ...publish.data, competencies: [doubled] } })
      .thenThrows(InvalidAssessmentInput);
  });
});

describe('a published framework', () => {
  const published = { type: 'CompetencyFrameworkPublished' as const, data: framework };

  it('gets a new version when its content changes, keeping the old one', () =>
    spec
      .given([published])
      .when({ type: 'PublishFramework', data: { ...publish.data, name: 'Core, revised' } })
      .thenState((state) => {
        expect(state.status === 'published' && state.versions.map((v) => v.name)).toEqual([
          'Core competencies',
          'Core, revised',
        ]);
      }));

  it('publishes nothing when the same content is published again', () =>
    spec.given([published]).when(publish).then([]));
});

const { frameworkId, name, language, competencies } = framework;
const publish: PublishFramework = {
  type: 'PublishFramework',
  data: { frameworkId, name, language, competencies },
};
