import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { GoalEvaluated, PlanningEvent } from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE, problem } from '@talentloop/service-kit';
import { goalDecider, type ClosingGoal } from '@talentloop/planning-domain';
import { PlanningReadSide, type PlanView } from '../projections/planning-read-side';
import { goalStream } from './planning.streams';
import { text } from '@talentloop/i18n';

export const planNotFound = (planId: string) =>
  new NotFoundException(problem(404, 'PLAN_NOT_FOUND', text('http.planNotFound', { planId })));

/** A plan with its goals: the plan from its stream, its goals and links from the documents. */
@Injectable()
export class Plans {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    readonly readSide: PlanningReadSide,
  ) {}

  /** The plan in the caller's tenant; 404 otherwise. */
  async known(tenantId: string, planId: string): Promise<PlanView> {
    const plan = await this.readSide.plan(tenantId, planId);
    if (!plan) throw planNotFound(planId);
    return plan;
  }

  /** What a reader sees of a plan: its cycle, status, links, goals and closing summary. */
  async describe(tenantId: string, planId: string) {
    const plan = await this.known(tenantId, planId);
    // The goals, links and carry-overs below include every planning event stored so far.
    await this.readSide.fresh();
    const [goals, document, next] = await Promise.all([
      this.readSide.goalsOf(tenantId, plan.employeeId),
      this.readSide.planDocument(tenantId, planId),
      this.readSide.nextPlanOf(tenantId, planId),
    ]);
    const { employeeId, cycle, maxActiveGoals, status, startedAt, previousPlanId } = plan;
    const closed = plan.status === 'closed' ? plan.closed : null;
    return {
      planId,
      employeeId,
      cycle,
      maxActiveGoals,
      status,
      startedAt,
      closedAt: closed?.closedAt ?? null,
      previousPlanId,
      nextPlanId: next?.planId ?? null,
      goals: goals
        .filter(({ state }) => state.planId === planId)
        .map(({ state: { goalId, content, status: phase } }) => ({
          goalId,
          title: content.title,
          target: content.target,
          deadline: content.deadline,
          phase,
        })),
      carriedIn: document?.carriedIn ?? [],
      carriedOut: document?.carriedOut ?? [],
      summary: closed && { goals: closed.goals, counts: closed.counts, growth: closed.growth },
    };
  }

  /** Each goal of the plan as its stream says, with its evaluation: what closing decides on. */
  async closingGoals(plan: PlanView): Promise<ClosingGoal[]> {
    const { tenantId, planId, employeeId } = plan;
    await this.readSide.fresh();
    const listed = await this.readSide.goalsOf(tenantId, employeeId);
    const goals: ClosingGoal[] = [];
    for (const { state: listedState } of listed.filter(({ state }) => state.planId === planId)) {
      const recorded = await this.store.readStream(goalStream(tenantId, listedState.goalId));
      const state = fold(goalDecider, recorded as unknown as readonly PlanningEvent[]);
      if (state.status === 'none' || state.planId !== planId) continue;
      const evaluated = recorded.find((event) => event.type === 'GoalEvaluated');
      goals.push({
        goalId: state.goalId,
        phase: state.status,
        content: state.content,
        ...(evaluated && { evaluation: evaluated.data as GoalEvaluated['data'] }),
      });
    }
    return goals;
  }
}
