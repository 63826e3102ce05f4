import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Language } from '@talentloop/i18n';
import type { SmartProperty } from '@talentloop/planning-domain';
import { CurrentActor, IdParam, RequestLanguage, type Actor } from '@talentloop/service-kit';
import { GoalSmartCheckQuery, type GoalSmartCheck } from './smart-check.handler';

const smartProperties: readonly SmartProperty[] = [
  'specific',
  'measurable',
  'achievable',
  'acceptable',
  'relevant',
  'time-bound',
];

class SmartCheckDto {
  @ApiProperty({ enum: smartProperties }) property!: SmartProperty;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ maxLength: 500, description: "Why it passed or failed, in the reader's language" })
  explanation!: string;
}

class GoalSmartCheckDto implements GoalSmartCheck {
  @ApiProperty() goalId!: string;
  @ApiProperty({ format: 'date', description: 'The day the goal was checked on' })
  checkedOn!: string;
  @ApiProperty({ type: [SmartCheckDto] }) checks!: SmartCheckDto[];
}

@ApiTags('goals')
@Controller()
export class SmartCheckController {
  constructor(private readonly queries: QueryBus) {}

  @Get('goals/:goalId/smart-check')
  @ApiOperation({
    summary: 'The SMART check of a goal as it is now, in the reader’s language',
    description:
      'Checks the goal’s current content on today’s date, as the command it waits for would: a goal not yet active as its submission (specific, measurable, achievable, acceptable: the employee agreed to it as it stands, relevant, time-bound), an active one as an adjustment (its deadline a commitment from today). ' +
      'The explanations follow Accept-Language, else the reader’s own language. Nothing is stored: the checks stored with a submission (`GoalSubmitted`) stay as they were.',
  })
  @ApiOkResponse({ type: GoalSmartCheckDto })
  check(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('goalId') goalId: string,
  ): Promise<GoalSmartCheck> {
    return this.queries.execute(new GoalSmartCheckQuery(actor, language, goalId));
  }
}
