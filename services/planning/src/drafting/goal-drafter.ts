import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  checkSmart,
  draftDeterministically,
  failedChecks,
  type DraftRequest,
  type DrafterProvenance,
  type GoalContent,
} from '@talentloop/planning-domain';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { AiDrafter, AiDraftUnusable } from './ai-drafter';

export interface Draft {
  readonly content: GoalContent;
  readonly drafter: DrafterProvenance;
}

/**
 * The model drafts when one is configured; whatever it gives must pass the SMART check.
 * Anything else (timeout, refusal, malformed or failing output) yields the deterministic
 * draft, with the reason recorded in the provenance.
 */
@Injectable()
export class GoalDrafter {
  private readonly ai: AiDrafter | null;
  private readonly logger = new Logger('goal-drafter');

  constructor(@Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings) {
    this.ai = settings.ai ? new AiDrafter(settings.ai) : null;
  }

  async draft(request: DraftRequest): Promise<Draft> {
    const fallback = (fallbackReason: string | null): Draft => ({
      content: draftDeterministically(request, this.settings.smart),
      drafter: { kind: 'deterministic', model: null, fallbackReason },
    });
    if (!this.ai) return fallback(null);
    const model = this.ai.settings.model;
    try {
      const content = await this.ai.draft(request);
      const failed = failedChecks(
        checkSmart(content, request.context, this.settings.smart, request.today),
      );
      if (failed.length > 0)
        return fallback(
          `the model's draft failed the SMART check (${failed.map((f) => `${f.property}: ${f.explanation}`).join('; ')})`.slice(
            0,
            500,
          ),
        );
      return { content, drafter: { kind: 'ai', model, fallbackReason: null } };
    } catch (error) {
      if (!(error instanceof AiDraftUnusable)) throw error;
      this.logger.warn(`falling back to the deterministic drafter: ${error.message}`);
      return fallback(error.message.slice(0, 500));
    }
  }
}
