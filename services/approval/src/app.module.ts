import { type DynamicModule, Module } from '@nestjs/common';
import {
  PlatformModule,
  serviceImports,
  type ServiceDescription,
  systemClock,
  type Clock,
  ACCESS_FACTS,
} from '@talentloop/service-kit';
import { APPROVAL_SETTINGS, approvalSettingsFromEnv } from './approval.settings';
import { InboundEventsConsumer } from './consumers/inbound-events.consumer';
import { DecideApprovalController } from './decide-approval/decide-approval.controller';
import { DecideApprovalHandler } from './decide-approval/decide-approval.handler';
import { FlagOverdueApprovalsController } from './flag-overdue-approvals/flag-overdue-approvals.controller';
import { FlagOverdueApprovalsHandler } from './flag-overdue-approvals/flag-overdue-approvals.handler';
import { OverdueCheckTimer } from './flag-overdue-approvals/overdue-check.timer';
import { ManagerInboxController } from './manager-inbox/manager-inbox.controller';
import { DelegatedInboxHandler, ManagerInboxHandler } from './manager-inbox/manager-inbox.handler';
import { ApprovalReadSide } from './projections/approval-read-side';
import { ViewApprovalThreadController } from './view-approval-thread/view-approval-thread.controller';
import { ViewApprovalThreadHandler } from './view-approval-thread/view-approval-thread.handler';

export const service: ServiceDescription = {
  name: 'approval',
  title: 'Approval service',
  defaultPort: 3003,
};

const handlers = [
  DecideApprovalHandler,
  DelegatedInboxHandler,
  FlagOverdueApprovalsHandler,
  ManagerInboxHandler,
  ViewApprovalThreadHandler,
];

export interface ApprovalModuleOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Tests fix the time; the service runs on the system clock. */
  readonly clock?: Clock;
}

@Module({})
export class ApprovalModule {
  static register({ env, clock = systemClock }: ApprovalModuleOptions): DynamicModule {
    return {
      module: ApprovalModule,
      imports: [
        ...serviceImports,
        PlatformModule.forService(service.name, {
          clock,
          publishes: 'approval',
          env,
        }),
      ],
      // Fixed paths before parameterised ones: /approval-requests/inbox is not a request id.
      controllers: [
        ManagerInboxController,
        FlagOverdueApprovalsController,
        DecideApprovalController,
        ViewApprovalThreadController,
      ],
      providers: [
        { provide: APPROVAL_SETTINGS, useValue: approvalSettingsFromEnv(env) },
        ApprovalReadSide,
        { provide: ACCESS_FACTS, useExisting: ApprovalReadSide },
        InboundEventsConsumer,
        OverdueCheckTimer,
        ...handlers,
      ],
    };
  }
}

@Module({ imports: [ApprovalModule.register({ env: process.env })] })
export class AppModule {}
