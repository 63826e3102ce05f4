import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, RequestCommandId, type Actor } from '@talentloop/http';
import { GoalCommands } from '../shared/goal-commands';
import { LogCheckInDto, OverdueCheckInsQueryDto } from './log-check-in.dto';

@ApiTags('check-ins')
@Controller()
export class LogCheckInController {
  constructor(private readonly goals: GoalCommands) {}

  @Post('goals/:goalId/check-ins')
  @ApiOperation({ summary: 'Log a check-in around the three questions (emits CheckInLogged)' })
  log(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: LogCheckInDto,
    @RequestCommandId() commandId: string,
  ) {
    // The check-in's id follows from the command's: a retried check-in is the same check-in.
    return this.goals.run(
      actor,
      goalId,
      (_, now) => ({
        type: 'LogCheckIn',
        data: { checkInId: `chk-${commandId}`, ...body, answers: { ...body.answers }, now },
      }),
      commandId,
    );
  }

  @Get('check-ins/overdue')
  @ApiOperation({ summary: "Overdue check-ins: the caller's own, and those of their reports" })
  async overdue(@CurrentActor() actor: Actor, @Query() { scope }: OverdueCheckInsQueryDto) {
    const now = this.goals.clock.now();
    await this.goals.directory.fresh();
    return scope === 'reports'
      ? this.goals.directory.overdueCheckIns(actor.tenantId, now, { managerId: actor.userId })
      : this.goals.directory.overdueCheckIns(actor.tenantId, now, { employeeId: actor.userId });
  }
}
