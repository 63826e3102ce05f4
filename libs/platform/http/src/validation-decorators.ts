import {
  applyDecorators,
  Injectable,
  NotFoundException,
  Param,
  type PipeTransform,
} from '@nestjs/common';
import { ID_PATTERN } from '@talentloop/contracts';
import { problem } from './problem-details';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';

/** The id pattern of the event contracts, so an id that passes here can be stored. */
export { ID_PATTERN };

export const IsId = (description: string) =>
  applyDecorators(
    ApiProperty({ description, pattern: ID_PATTERN.source }),
    IsString(),
    Matches(ID_PATTERN, { message: '$property must be letters, digits and . _ : @ - (max 128)' }),
  );

/** What a caller sent, quoted for a problem detail: at most 64 characters, control characters escaped. */
const quotedForProblem = (value: string): string =>
  JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

/** Path ids end up in stream names: refuse what the contracts would refuse, as a 404. */
@Injectable()
class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value))
      throw new NotFoundException(
        problem(404, 'NOT_FOUND', `no resource has the id ${quotedForProblem(value)}`),
      );
    return value;
  }
}

export const IdParam = (name: string) => Param(name, IdPipe);

/**
 * A list of nested DTOs, each validated, bounded like the event contracts bound it. Each item
 * must be an object: ValidateNested alone passes an empty array in place of an item.
 */
export const IsListOf = (
  item: new () => object,
  { min = 0, max }: { min?: number; max: number },
  description?: string,
) =>
  applyDecorators(
    ApiProperty({ type: [item], minItems: min, maxItems: max, description }),
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => item),
  );
