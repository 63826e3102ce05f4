import { measurementInstruments, type DraftContextPart } from '@talentloop/contracts';
import { render, text } from '@talentloop/i18n';
import {
  measuredCriteriaOf,
  type DraftRequest,
  type GoalContent,
} from '@talentloop/planning-domain';

/**
 * The version of the prompt below, recorded with every draft a model was asked for. Change it
 * with any change to what the prompt says (its texts are the catalogue's `drafting.prompt`, in
 * the draft's language since goal-draft-3) or which context it gives.
 */
export const PROMPT_VERSION = 'goal-draft-3';

export interface DraftPrompt {
  /** The system message, in the language the draft is written in. */
  readonly system: string;
  /** The user message: JSON of the context parts given and the answer's shape. */
  readonly user: string;
  /** Which parts of the context the user message holds, in a fixed order. */
  readonly contextGiven: readonly DraftContextPart[];
}

const languageName = { en: 'English', nl: 'Dutch (Nederlands)' } as const;

const answerShape = {
  title: 'string',
  behaviour: 'which behaviour, concretely',
  situation: 'in which work situation',
  indicatorIds: 'the weak indicators targeted, ids from indicatorsPerLevel',
  successCriteria: [
    {
      instrument: measurementInstruments.join('|'),
      metric: 'behaviour-score|indicator-score|observed-behaviour',
      indicatorIds: [],
      target: '0-100, at most aptitude',
      description: 'string',
    },
  ],
  actions: [
    {
      kind: 'on-the-job|learning-from-others|formal-learning',
      description: 'string',
      frequency: 'string',
      estimatedHours: 'number',
    },
  ],
  milestones: [{ description: 'string', dueOn: 'YYYY-MM-DD' }],
  deadline: 'YYYY-MM-DD, 3 to 6 months from today',
};

/**
 * What a model is given to draft a goal: the target, the framework, the scores, the role and
 * the facets — never personal data. No name, e-mail or id of a person; not the motivation note
 * (the employee's own words), only whether there is one; the manager's feedback on a rejected
 * submission only when the request carries it (the tenant opted in to sharing it). A part
 * with nothing known is left out, and `contextGiven` says which parts are in.
 */
export const draftPromptOf = (request: DraftRequest): DraftPrompt => {
  const { target, context, language, today } = request;
  const feedback = request.rejectionFeedback?.trim();
  const parts: Partial<Record<DraftContextPart, Record<string, unknown>>> = {
    target: { target: { kind: target.kind, id: target.competencyId, name: context.targetName } },
    ...(context.definition !== null && { definition: { definition: context.definition } }),
    ...(context.indicators.length > 0 && {
      indicators: { indicatorsPerLevel: context.indicators },
    }),
    ...(context.aptitude !== null &&
      context.behaviour !== null && {
        scores: { scores: { aptitude: context.aptitude, behaviour: context.behaviour } },
      }),
    ...(context.weakestIndicators.length > 0 && {
      'weakest-indicators': { weakestIndicators: context.weakestIndicators },
    }),
    ...(context.strongestIndicators.length > 0 && {
      'strongest-indicators': { strongestIndicators: context.strongestIndicators },
    }),
    ...(context.roleName !== null && { role: { role: context.roleName } }),
    ...(context.requiredLevel !== null && {
      'role-requirement': { roleRequiredLevel: context.requiredLevel },
    }),
    ...(context.facets.length > 0 && {
      facets: {
        talentFacets: context.facets.map(({ name, description, score }) => ({
          name,
          description,
          score,
        })),
      },
    }),
    ...(context.motivationNote?.trim() && {
      'motivation-stated': { employeeStatedAMotivation: true },
    }),
    ...(feedback && {
      'rejection-feedback': {
        previousSubmissionRejected: {
          managerFeedback: feedback,
          instruction: render(language, text('drafting.prompt.addressFeedback')),
        },
      },
    }),
  };
  const contextGiven = (Object.keys(parts) as DraftContextPart[]).filter((part) => parts[part]);
  const user = JSON.stringify({
    task: render(language, text('drafting.prompt.task')),
    writeIn: languageName[language],
    today,
    ...Object.assign({}, ...contextGiven.map((part) => parts[part])),
    answerShape,
  });
  return { system: render(language, text('drafting.prompt.system')), user, contextGiven };
};

/**
 * Indicator ids a draft names (as its target or in a criterion) that the framework does not
 * define for the target. Without the framework's indicators every named id is unknown: the
 * model had none to choose from.
 */
export const indicatorIdsOutsideFramework = (
  content: Pick<GoalContent, 'target' | 'successCriteria'>,
  context: DraftRequest['context'],
): string[] => {
  const defined = new Set(context.indicators.map((indicator) => indicator.indicatorId));
  const named = [
    ...content.target.indicatorIds,
    ...measuredCriteriaOf(content).flatMap((criterion) => criterion.indicatorIds),
  ];
  return [...new Set(named)].filter((id) => !defined.has(id));
};
