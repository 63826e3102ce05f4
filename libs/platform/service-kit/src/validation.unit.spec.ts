import { HttpException } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsString,
  Length,
  Max,
  ValidateNested,
  IsArray,
} from 'class-validator';
import { inLanguage, type ProblemDetails } from './problem-details';
import { createValidationPipe } from './validation';
import { IsCalendarDate, IsId } from './validation-decorators';

class StepDto {
  @IsInt() @Max(10) hours!: number;
}

class BodyDto {
  @IsId('An id') goalId!: string;
  @IsString() @Length(10, 20) reason!: string;
  @IsIn(['weekly', 'monthly']) cadence!: string;
  @IsCalendarDate() dueOn!: string;
  @IsArray() @ArrayMaxSize(1) @IsString({ each: true }) tags!: string[];
  @ValidateNested() @Type(() => StepDto) step!: StepDto;
}

const refusalOf = async (body: unknown): Promise<ProblemDetails> => {
  // The shape check throws at once, the rules asynchronously: both end up here.
  const refusal: unknown = await Promise.resolve()
    .then(() => createValidationPipe().transform(body, { type: 'body', metatype: BodyDto }))
    .catch((error: unknown) => error);
  if (!(refusal instanceof HttpException)) throw new Error('the body was accepted');
  return refusal.getResponse() as ProblemDetails;
};

const bad = {
  goalId: 'a goal',
  reason: 'short',
  cadence: 'daily',
  dueOn: '2026-2-30',
  tags: ['a', 7],
  step: { hours: 12 },
  extra: true,
};

describe('a body that breaks the rules of its fields', () => {
  it('is refused with every bad field, in English by default as class-validator says it', async () => {
    const refusal = await refusalOf(bad);
    expect(refusal.detail).toBe('9 field(s) are invalid');
    expect(refusal.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'property extra should not exist' },
        {
          field: 'goalId',
          message: 'goalId must be letters, digits and . _ : @ - (max 128)',
        },
        { field: 'reason', message: 'reason must be longer than or equal to 10 characters' },
        {
          field: 'cadence',
          message: 'cadence must be one of the following values: weekly, monthly',
        },
        { field: 'dueOn', message: 'dueOn must be a date, YYYY-MM-DD' },
        { field: 'tags', message: 'tags must contain no more than 1 elements' },
        { field: 'tags', message: 'each value in tags must be a string' },
        { field: 'step.hours', message: 'hours must not be greater than 10' },
      ]),
    );
  });

  it('is explained field by field in the language of the request', async () => {
    const refusal = inLanguage(await refusalOf(bad), 'nl');
    expect(refusal.detail).toBe('9 veld(en) zijn ongeldig');
    expect(refusal.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'het veld extra hoort er niet bij' },
        {
          field: 'goalId',
          message: 'goalId mag alleen letters, cijfers en . _ : @ - bevatten (hooguit 128)',
        },
        { field: 'reason', message: 'reason moet minstens 10 tekens lang zijn' },
        { field: 'cadence', message: 'cadence moet een van deze waarden zijn: weekly, monthly' },
        { field: 'dueOn', message: 'dueOn moet een datum zijn, JJJJ-MM-DD' },
        { field: 'tags', message: 'tags mag hooguit 1 elementen bevatten' },
        { field: 'tags', message: 'elke waarde in tags moet tekst zijn' },
        { field: 'step.hours', message: 'hours mag niet groter zijn dan 10' },
      ]),
    );
    expect(JSON.stringify(refusal.errors)).not.toMatch(/must|should/);
  });

  it('says a text is too long with the longest length allowed', async () => {
    const refusal = await refusalOf({ ...bad, reason: 'x'.repeat(21) });
    expect(inLanguage(refusal, 'nl').errors).toContainEqual({
      field: 'reason',
      message: 'reason mag hooguit 20 tekens lang zijn',
    });
    expect(refusal.errors).toContainEqual({
      field: 'reason',
      message: 'reason must be shorter than or equal to 20 characters',
    });
  });

  it('says a prototype key does not belong, before any rule runs, in the language', async () => {
    const refusal = await refusalOf(JSON.parse('{"constructor": {}}'));
    expect(inLanguage(refusal, 'nl')).toMatchObject({
      detail: 'de body is ongeldig',
      errors: [{ field: 'constructor', message: 'het veld constructor hoort er niet bij' }],
    });
  });
});
