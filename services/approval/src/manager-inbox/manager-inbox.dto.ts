import { ApiPropertyOptional } from '@nestjs/swagger';
import { ID_PATTERN } from '@talentloop/http';
import { IsOptional, Matches } from 'class-validator';

export class ManagerInboxQueryDto {
  @ApiPropertyOptional({ description: "HR only: another manager's inbox; the caller's by default" })
  @IsOptional()
  @Matches(ID_PATTERN)
  managerId?: string;
}
