import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
} from '@nestjs/common';
import {
  PlatformModule,
  serviceImports,
  type ServiceDescription,
  systemClock,
  type Clock,
  ACCESS_FACTS,
  PREFERRED_LANGUAGE,
  type PreferredLanguages,
  ReadMemoMiddleware,
} from '@talentloop/service-kit';
import { AdjustGoalController } from './adjust-goal/adjust-goal.controller';
import { ClosePlanController } from './close-plan/close-plan.controller';
import { ClosePlanHandler } from './close-plan/close-plan.handler';
import { InboundEventsConsumer } from './consumers/inbound-events.consumer';
import { DraftGoalController } from './draft-goal/draft-goal.controller';
import { DraftGoalHandler } from './draft-goal/draft-goal.handler';
import { GoalDrafter } from './drafting/goal-drafter';
import { EditGoalController } from './edit-goal/edit-goal.controller';
import { RedraftGoalController } from './redraft-goal/redraft-goal.controller';
import { RedraftGoalHandler } from './redraft-goal/redraft-goal.handler';
import { EvaluateGoalController } from './evaluate-goal/evaluate-goal.controller';
import { LogCheckInController } from './log-check-in/log-check-in.controller';
import { OverdueCheckInsHandler } from './log-check-in/overdue-check-ins.handler';
import { ManageActionsController } from './manage-actions/manage-actions.controller';
import { DRAFT_RATE_LIMIT, PLANNING_SETTINGS, planningSettingsFromEnv } from './planning.settings';
import { PlanningReadSide } from './projections/planning-read-side';
import { ActiveSet } from './shared/active-set';
import { PlanningCommands } from './shared/planning.commands';
import { RecordEvidenceController } from './record-evidence/record-evidence.controller';
import { RemeasurementsDueController } from './remeasurements-due/remeasurements-due.controller';
import { RemeasurementsDueHandler } from './remeasurements-due/remeasurements-due.handler';
import { Plans } from './shared/plans';
import { StartPlanController } from './start-plan/start-plan.controller';
import { StartPlanHandler } from './start-plan/start-plan.handler';
import { SubmitGoalController } from './submit-goal/submit-goal.controller';
import { SubmitGoalHandler } from './submit-goal/submit-goal.handler';
import { ViewGoalsController } from './view-goals/view-goals.controller';
import { EmployeeGoalsHandler, ViewGoalHandler } from './view-goals/view-goals.handler';
import { SmartCheckController } from './check-smart/smart-check.controller';
import { GoalSmartCheckHandler } from './check-smart/smart-check.handler';
import { ViewTeamController } from './view-team/view-team.controller';
import { ManagerReportsHandler } from './view-team/view-team.handler';
import { ViewPlanController } from './view-plan/view-plan.controller';
import { ViewPlanHandler } from './view-plan/view-plan.handler';
import { WithdrawGoalController } from './withdraw-goal/withdraw-goal.controller';
import { AgreeToGoalController } from './agree-to-goal/agree-to-goal.controller';

export const service: ServiceDescription = {
  name: 'planning',
  title: 'Planning service',
  defaultPort: 3002,
};

/**
 * The queries, and the commands with work beyond one decider command; every other endpoint hands
 * a DeciderCommand to the platform's one handler.
 */
const handlers = [
  ClosePlanHandler,
  DraftGoalHandler,
  EmployeeGoalsHandler,
  GoalSmartCheckHandler,
  ManagerReportsHandler,
  OverdueCheckInsHandler,
  RedraftGoalHandler,
  RemeasurementsDueHandler,
  StartPlanHandler,
  SubmitGoalHandler,
  ViewGoalHandler,
  ViewPlanHandler,
];

/** Fixed paths before parameterised ones: /check-ins/overdue is not a goal id. */
const controllers = [
  LogCheckInController,
  RemeasurementsDueController,
  StartPlanController,
  ClosePlanController,
  ViewPlanController,
  DraftGoalController,
  SubmitGoalController,
  ManageActionsController,
  AdjustGoalController,
  WithdrawGoalController,
  AgreeToGoalController,
  EditGoalController,
  RedraftGoalController,
  EvaluateGoalController,
  RecordEvidenceController,
  SmartCheckController,
  ViewGoalsController,
  ViewTeamController,
];

export interface PlanningModuleOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Tests fix the time; the service runs on the system clock. */
  readonly clock?: Clock;
}

@Module({})
export class PlanningModule implements NestModule {
  /** A request reads each document once (the person: for its guard, language and handler). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ReadMemoMiddleware).forRoutes(...controllers);
  }

  static register({ env, clock = systemClock }: PlanningModuleOptions): DynamicModule {
    const settings = planningSettingsFromEnv(env);
    return {
      module: PlanningModule,
      imports: [
        ...serviceImports,
        PlatformModule.forService(service.name, {
          clock,
          publishes: 'planning',
          env,
          rateLimits: { [DRAFT_RATE_LIMIT]: settings.draftRateLimitPerMinute },
        }),
      ],
      controllers,
      providers: [
        { provide: PLANNING_SETTINGS, useValue: settings },
        PlanningReadSide,
        { provide: ACCESS_FACTS, useExisting: PlanningReadSide },
        {
          // After Accept-Language, a caller reads in the language the HRIS gave them.
          provide: PREFERRED_LANGUAGE,
          useFactory: (readSide: PlanningReadSide): PreferredLanguages => ({
            of: async (actor) => (await readSide.person(actor.tenantId, actor.userId))?.language,
          }),
          inject: [PlanningReadSide],
        },
        Plans,
        PlanningCommands,
        ActiveSet,
        GoalDrafter,
        InboundEventsConsumer,
        ...handlers,
      ],
    };
  }
}

@Module({ imports: [PlanningModule.register({ env: process.env })] })
export class AppModule {}
