import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, RequestCommandId, type Actor } from '@talentloop/service-kit';
import { onGoal } from '../shared/planning.commands';
import { LogCheckInDto, OverdueCheckInsQueryDto } from './log-check-in.dto';
import { OverdueCheckInsQuery } from './overdue-check-ins.handler';

@ApiTags('check-ins')
@Controller()
export class LogCheckInController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('goals/:goalId/check-ins')
  @ApiOperation({
    summary: 'Log a check-in around the three questions (emits CheckInLogged)',
    description:
      "The employee, their manager or an HR delegate logs it; the check-in records who did. It carries the employee's answers and, from the manager's side only, the manager's notes. Everyone who reads the goal sees both in its history.",
  })
  async log(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: LogCheckInDto,
    @RequestCommandId() commandId: string,
  ) {
    // The check-in's id follows from the command's: a retried check-in is the same check-in.
    const log = onGoal(
      actor,
      goalId,
      (_goal, { now }) => ({
        type: 'LogCheckIn',
        data: {
          checkInId: `chk-${commandId}`,
          answers: { ...body.answers },
          durationMinutes: body.durationMinutes,
          actionsTicked: body.actionsTicked,
          ...(body.managerNotes === undefined ? {} : { managerNotes: body.managerNotes }),
          loggedBy: actor.userId,
          now,
        },
      }),
      commandId,
    );
    return (await this.commands.execute(log)).events;
  }

  @Get('check-ins/overdue')
  @ApiOperation({ summary: "Overdue check-ins: the caller's own, and those of their reports" })
  overdue(@CurrentActor() actor: Actor, @Query() { scope }: OverdueCheckInsQueryDto) {
    return this.queries.execute(new OverdueCheckInsQuery(actor, scope));
  }
}
