import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APPROVAL_SETTINGS, type ApprovalSettings } from '../approval.settings';
import { FlagOverdueApprovalsCommand } from './flag-overdue-approvals.handler';

/** The principal recorded as the actor of reminders nobody asked for by hand. */
const OVERDUE_CHECK_ACTOR = 'system:approval-overdue-check';

/** Runs the overdue check for every organisation on a fixed interval. */
@Injectable()
export class OverdueCheckTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('overdue-check');

  constructor(
    private readonly commands: CommandBus,
    @Inject(APPROVAL_SETTINGS) private readonly settings: ApprovalSettings,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.settings.overdueCheckIntervalSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      this.commands
        .execute(new FlagOverdueApprovalsCommand(undefined, OVERDUE_CHECK_ACTOR))
        .catch((error: unknown) => this.logger.warn(`overdue check failed: ${String(error)}`));
    }, seconds * 1000);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
