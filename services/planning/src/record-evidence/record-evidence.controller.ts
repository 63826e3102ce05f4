import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  IdParam,
  IsCalendarDate,
  RequestCommandId,
  type Actor,
} from '@talentloop/service-kit';
import { dateOf } from '@talentloop/planning-domain';
import { Text } from '../shared/goal-content.dto';
import { onGoal } from '../shared/planning.commands';

export class RecordEvidenceDto {
  @Text(1000, 'What was obtained, e.g. "Passed the AWS Cloud Practitioner exam"')
  description!: string;
  @Text(500, 'Where it can be checked: a certificate number or a document link')
  reference!: string;
  @IsCalendarDate() obtainedOn!: string;
}

@ApiTags('goals')
@Controller('goals/:goalId/criteria/:criterionId/evidence')
export class RecordEvidenceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'The employee records the evidence that meets an evidence criterion (emits CriterionEvidenceRecorded)',
    description:
      'For an evidence criterion of an active goal (a certificate, a course completion, a work sample or an attestation); description and reference are personal data, sealed in the event. 422 UNKNOWN_CRITERION, NOT_AN_EVIDENCE_CRITERION (a measured criterion: a measurement evaluates it) or EVIDENCE_IN_THE_FUTURE; 409 ILLEGAL_GOAL_TRANSITION for a goal that is not active. On or after the deadline of a goal whose criteria are all evidence criteria, the evidence also evaluates the goal (GoalEvaluated).',
  })
  async record(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @IdParam('criterionId') criterionId: string,
    @Body() body: RecordEvidenceDto,
    @RequestCommandId() commandId: string,
  ) {
    // The evidence's id follows from the command's: a retried request records it once.
    const record = onGoal(
      actor,
      goalId,
      (_goal, { now }) => ({
        type: 'RecordEvidence',
        data: {
          evidenceId: `evd-${commandId}`,
          criterionId,
          description: body.description,
          reference: body.reference,
          obtainedOn: body.obtainedOn,
          recordedBy: actor.userId,
          today: dateOf(now),
        },
      }),
      commandId,
    );
    return (await this.commands.execute(record)).events;
  }
}
