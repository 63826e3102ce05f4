import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ManagerInboxQueryDto {
  @ApiPropertyOptional({ description: "HR only: another manager's inbox; the caller's by default" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/)
  managerId?: string;
}
