import { ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN, Optional } from '@talentloop/service-kit';
import { Matches } from 'class-validator';

export class ManagerInboxQueryDto {
  @ApiPropertyOptional({ description: "HR only: another manager's inbox; the caller's by default" })
  @Optional()
  @Matches(ID_PATTERN)
  managerId?: string;
}
