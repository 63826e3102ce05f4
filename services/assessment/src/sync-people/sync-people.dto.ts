import { ID_PATTERN, IsId, IsListOf, Optional } from '@talentloop/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';

/** One employee as the HRIS exports it; ids are the HRIS's own. */
export class HrisEmployeeDto {
  @IsId('Id of the employee in the HRIS; also their id in Talentloop')
  externalId!: string;

  @ApiProperty() @IsString() @Length(1, 200) displayName!: string;
  @ApiProperty() @IsEmail() @Length(3, 254) email!: string;
  @IsId('Current role') roleId!: string;
  @IsId('Current department') departmentId!: string;
  @ApiProperty() @IsString() @Length(1, 200) departmentName!: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'HRIS id of the current manager; null or absent when there is none',
  })
  @Optional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @Matches(ID_PATTERN)
  managerExternalId?: string | null;

  @ApiProperty({ enum: ['nl', 'en'] }) @IsIn(['nl', 'en']) preferredLanguage!: 'nl' | 'en';

  @ApiProperty({ enum: ['active', 'left'] })
  @IsIn(['active', 'left'])
  employmentStatus!: 'active' | 'left';
}

export class SyncPeopleDto {
  @IsListOf(HrisEmployeeDto, { min: 1, max: 5000 })
  employees!: HrisEmployeeDto[];
}
