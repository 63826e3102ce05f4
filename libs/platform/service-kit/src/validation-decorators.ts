import {
  applyDecorators,
  Injectable,
  NotFoundException,
  Param,
  type PipeTransform,
} from '@nestjs/common';
import { ID_PATTERN } from '@talentloop/contracts';
import { problem } from './problem-details';
import { catalogueMessage } from './validation';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsObject,
  IsString,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { text } from '@talentloop/i18n';

/** The id pattern of the event contracts, so an id that passes here can be stored. */
export { ID_PATTERN };

export const IsId = (description: string) =>
  applyDecorators(
    ApiProperty({ description, pattern: ID_PATTERN.source }),
    IsString(),
    Matches(ID_PATTERN, { message: catalogueMessage('validation.id') }),
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
        problem(404, 'NOT_FOUND', text('http.noSuchId', { id: quotedForProblem(value) })),
      );
    return value;
  }
}

export const IdParam = (name: string) => Param(name, IdPipe);

/** A version number in a path: what is not a positive integer names no version, a 404. */
@Injectable()
class VersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value))
      throw new NotFoundException(
        problem(404, 'NOT_FOUND', text('http.noSuchVersion', { version: quotedForProblem(value) })),
      );
    return Number(value);
  }
}

export const VersionParam = (name: string) => Param(name, VersionPipe);

/** The OpenAPI form of a VersionParam (a method decorator: Swagger reads parameters there). */
export const ApiVersionParam = (name: string) =>
  ApiParam({ name, schema: { type: 'integer', minimum: 1, maximum: 999_999_999 } });

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

/**
 * Four-digit years from 1000 on: validator's strict ISO-8601 check reads years below 100 as
 * 19xx and refuses them, so the rule is stated where the schema can show it.
 */
const FOUR_DIGIT_YEAR = /^[1-9]\d{3}-/;

/** An ISO-8601 date or date-time that exists (no 30 February), from year 1000 on. */
export const IsIsoDateOrTime = (description: string) =>
  applyDecorators(
    ApiProperty({ description, type: String }),
    IsISO8601({ strict: true }),
    Matches(FOUR_DIGIT_YEAR, { message: catalogueMessage('validation.dateFromYear1000') }),
  );

/** A calendar date, YYYY-MM-DD, that exists, from year 1000 on. */
export const IsCalendarDate = (description?: string) =>
  applyDecorators(
    ApiProperty({ description, type: String, format: 'date' }),
    Matches(/^[1-9]\d{3}-\d{2}-\d{2}$/, { message: catalogueMessage('validation.calendarDate') }),
    IsISO8601({ strict: true }),
  );

/**
 * May be absent; when sent, it must be valid. class-validator's IsOptional also lets `null`
 * through every rule, which the handlers then passed on (an event refused at append, a 422
 * from the store) and the OpenAPI document could not state: here null is a value like any
 * other. A field that may be null says so itself (`ValidateIf((_, value) => value !== null)`).
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);
