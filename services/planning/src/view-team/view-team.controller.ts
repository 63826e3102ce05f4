import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { ManagerReportsQuery, type ManagerReports } from './view-team.handler';

class TeamMemberDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'As the HRIS synced it; null when not synced, or erased',
  })
  displayName!: string | null;
}

class ManagerReportsDto implements ManagerReports {
  @ApiProperty() managerId!: string;
  @ApiProperty({ type: [TeamMemberDto] }) reports!: TeamMemberDto[];
}

@ApiTags('people')
@Controller()
export class ViewTeamController {
  constructor(private readonly queries: QueryBus) {}

  @Get('managers/:managerId/reports')
  @ApiOperation({
    summary: "A manager's direct reports, with their names",
    description:
      'The people whose manager the reporting-line events name now (`EmployeeSynced`, `ReportingLineChanged`), sorted by name; people who left are not on the team. ' +
      'A name is personal data: it reads null once the person is erased (or before the HRIS synced it). ' +
      'A manager reads their own team, HR anyone’s in the tenant; an unknown manager has no reports.',
  })
  @ApiOkResponse({ type: ManagerReportsDto })
  reports(
    @CurrentActor() actor: Actor,
    @IdParam('managerId') managerId: string,
  ): Promise<ManagerReports> {
    return this.queries.execute(new ManagerReportsQuery(actor, managerId));
  }
}
