import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkSmart,
  draftDeterministically,
  failedChecks,
  type DraftRequest,
  type DrafterProvenance,
  type GoalContent,
} from '@talentloop/planning-domain';
import {
  aiDraftingFor,
  aiRejectionFeedbackFor,
  PLANNING_SETTINGS,
  type PlanningSettings,
} from '../planning.settings';
import { AiDrafter, AiDraftUnusable } from './ai-drafter';
import { draftPromptOf, PROMPT_VERSION, type DraftPrompt } from './draft-prompt';

export interface Draft {
  readonly content: GoalContent;
  readonly drafter: DrafterProvenance;
}

/** Why the model was not asked though one is configured. */
export const NOT_OPTED_IN = 'AI drafting is not enabled for this tenant';

/**
 * The model drafts when one is configured and the tenant opted in; whatever it gives must pass
 * the SMART check. Anything else (timeout, refusal, malformed or failing output, indicators the
 * framework does not define) yields the deterministic draft, with the reason recorded in the
 * provenance, as are the prompt version and the context parts the model was given.
 */
@Injectable()
export class GoalDrafter {
  private readonly ai: AiDrafter | null;
  private readonly logger = new Logger('goal-drafter');

  constructor(@Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings) {
    this.ai = settings.ai ? new AiDrafter(settings.ai) : null;
  }

  /**
   * A draft for the tenant. On a redraft, `rejectionFeedback` is the manager's feedback: the
   * model gets it only where the tenant opted in to sharing it.
   */
  async draft(
    tenantId: string,
    request: DraftRequest,
    rejectionFeedback: string | null = null,
  ): Promise<Draft> {
    const deterministic = (fallbackReason: string | null, asked?: DraftPrompt): Draft => ({
      content: draftDeterministically(request, this.settings.smart),
      drafter: {
        kind: 'deterministic',
        model: null,
        fallbackReason,
        promptVersion: asked ? PROMPT_VERSION : null,
        contextGiven: [...(asked?.contextGiven ?? [])],
      },
    });
    if (!this.ai) return deterministic(null);
    if (!aiDraftingFor(this.settings, tenantId)) return deterministic(NOT_OPTED_IN);
    const sharesFeedback =
      rejectionFeedback !== null && aiRejectionFeedbackFor(this.settings, tenantId);
    const forModel: DraftRequest = sharesFeedback ? { ...request, rejectionFeedback } : request;
    const prompt = draftPromptOf(forModel);
    const model = this.ai.settings.model;
    try {
      const content = await this.ai.draft(forModel, prompt);
      const failed = failedChecks(
        checkSmart(content, request.context, this.settings.smart, request.today),
      );
      if (failed.length > 0)
        return deterministic(
          `the model's draft failed the SMART check (${failed.map((f) => `${f.property}: ${f.explanation}`).join('; ')})`.slice(
            0,
            500,
          ),
          prompt,
        );
      return {
        content,
        drafter: {
          kind: 'ai',
          model,
          fallbackReason: null,
          promptVersion: PROMPT_VERSION,
          contextGiven: [...prompt.contextGiven],
        },
      };
    } catch (error) {
      if (!(error instanceof AiDraftUnusable)) throw error;
      this.logger.warn(`falling back to the deterministic drafter: ${error.message}`);
      return deterministic(error.message.slice(0, 500), prompt);
    }
  }
}
