import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

export const IsScore = (description: string) =>
  applyDecorators(
    ApiProperty({ description, minimum: 0, maximum: 100 }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(100),
  );
