import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { criterionEvidenceKinds, measurementInstruments } from '@talentloop/contracts';
import {
  evidenceCriteriaOf,
  evidenceTargetKinds,
  type DraftRequest,
  type GoalContent,
  type SuccessCriterion,
} from '@talentloop/planning-domain';
import type { OpenAI } from 'openai';
import type * as OpenAiSdk from 'openai';
import { type AiSettings } from '../planning.settings';
import { indicatorIdsOutsideFramework, type DraftPrompt } from './draft-prompt';

let loadedSdk: typeof OpenAiSdk | undefined;
/**
 * The OpenAI SDK, loaded on first use, when an AiDrafter is built: a service without a model
 * configured never loads it, so never pays for it at start.
 */
const openAiSdk = (): typeof OpenAiSdk =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  (loadedSdk ??= require('openai') as typeof OpenAiSdk);

const Words = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** The answer the model must give; ids, target and language are filled in from the request. */
const AiDraft = Type.Object({
  title: Words(200),
  behaviour: Words(2000),
  situation: Words(2000),
  indicatorIds: Type.Array(Words(128), { maxItems: 30 }),
  successCriteria: Type.Array(
    Type.Union([
      // Measured: `kind` may be left out, as the prompt's answer shape does.
      Type.Object({
        kind: Type.Optional(Type.Literal('measured')),
        instrument: Type.Union(measurementInstruments.map((i) => Type.Literal(i))),
        metric: Type.Union([
          Type.Literal('behaviour-score'),
          Type.Literal('indicator-score'),
          Type.Literal('observed-behaviour'),
        ]),
        indicatorIds: Type.Array(Words(128), { maxItems: 30 }),
        target: Type.Number({ minimum: 0, maximum: 100 }),
        description: Words(500),
      }),
      Type.Object({
        kind: Type.Literal('evidence'),
        evidence: Type.Union(criterionEvidenceKinds.map((kind) => Type.Literal(kind))),
        description: Words(500),
      }),
    ]),
    { minItems: 1, maxItems: 10 },
  ),
  actions: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('on-the-job'),
        Type.Literal('learning-from-others'),
        Type.Literal('formal-learning'),
      ]),
      description: Words(2000),
      frequency: Words(200),
      estimatedHours: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    }),
    { maxItems: 20 },
  ),
  milestones: Type.Array(
    Type.Object({
      description: Words(500),
      dueOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    }),
    { maxItems: 12 },
  ),
  deadline: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
});
type AiDraft = Static<typeof AiDraft>;

/** Why the model's answer was not used; the goal drafter records it and falls back. */
export class AiDraftUnusable extends Error {}

const criterionOf = (
  criterion: AiDraft['successCriteria'][number],
  index: number,
): SuccessCriterion => {
  const criterionId = `crit-${index + 1}`;
  if (criterion.kind === 'evidence') {
    const { evidence, description } = criterion;
    return { kind: 'evidence', criterionId, evidence, description };
  }
  const { instrument, metric, indicatorIds, target, description } = criterion;
  return {
    kind: 'measured',
    criterionId,
    instrument,
    metric,
    indicatorIds: [...new Set(indicatorIds)],
    target,
    description,
  };
};

const contentOf = (draft: AiDraft, request: DraftRequest): GoalContent => ({
  title: draft.title,
  target: {
    kind: request.target.kind,
    competencyId: request.target.competencyId,
    indicatorIds: [...new Set(draft.indicatorIds)],
  },
  behaviour: draft.behaviour,
  situation: draft.situation,
  successCriteria: draft.successCriteria.map(criterionOf),
  actions: draft.actions.map((action, index) => ({ ...action, actionId: `act-${index + 1}` })),
  milestones: draft.milestones,
  deadline: draft.deadline,
  language: request.language,
});

/** Drafts through any OpenAI-compatible chat-completions endpoint; throws AiDraftUnusable. */
export class AiDrafter {
  private readonly client: OpenAI;

  constructor(readonly settings: AiSettings) {
    this.client = new (openAiSdk().OpenAI)({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      timeout: settings.timeoutMs,
      // A slow model falls back to the deterministic draft at once rather than retrying.
      maxRetries: 0,
    });
  }

  /** The draft the model writes from the prompt, filled in from the request. */
  async draft(request: DraftRequest, prompt: DraftPrompt): Promise<GoalContent> {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    const started = Date.now();
    try {
      completion = await this.client.chat.completions.create({
        model: this.settings.model,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
      });
    } catch (error) {
      // The SDK reports a timeout as such only when it recognises its own abort error, which
      // fails across realms (a test runner's sandbox): the elapsed time says it either way.
      if (Date.now() - started >= this.settings.timeoutMs)
        throw new AiDraftUnusable(`the model did not answer within ${this.settings.timeoutMs} ms`);
      throw new AiDraftUnusable(
        `the model did not answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const message = completion.choices[0]?.message;
    if (message?.refusal) throw new AiDraftUnusable(`the model refused: ${message.refusal}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(message?.content ?? '');
    } catch {
      throw new AiDraftUnusable('the model answered with malformed JSON');
    }
    if (!Value.Check(AiDraft, parsed)) {
      const first = [...Value.Errors(AiDraft, parsed)][0];
      throw new AiDraftUnusable(
        `the model's draft does not have the expected shape (${first ? `${first.path} ${first.message}` : 'unknown'})`,
      );
    }
    const content = contentOf(parsed, request);
    // An id the framework does not define would make a criterion unreadable at evaluation.
    const unknown = indicatorIdsOutsideFramework(content, request.context);
    if (unknown.length > 0)
      throw new AiDraftUnusable(
        `the model named indicators the framework does not define for ${request.context.targetName}: ${unknown.join(', ')}`,
      );
    // Evidence proves a skill, certification or knowledge area, never a competency's behaviour.
    if (
      evidenceCriteriaOf(content).length > 0 &&
      !evidenceTargetKinds.includes(request.target.kind)
    )
      throw new AiDraftUnusable(
        `the model gave the ${request.target.kind} ${request.context.targetName} a criterion met by evidence: a ${request.target.kind} is measured`,
      );
    return content;
  }
}
