import {
  Body,
  Controller,
  HttpCode,
  PayloadTooLargeException,
  Post,
  Req,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assertNever } from '@talentloop/domain-kernel';
import {
  ApiBodyByMediaType,
  CurrentActor,
  PROBLEM_JSON,
  problem,
  type Actor,
} from '@talentloop/service-kit';
import type { Request } from 'express';
import { readCsv } from './csv-reader';
import { ImportMeasurementsCommand } from './import-measurements.handler';
import { headerViolations, rowFromCsv, rowsFromJson, type ImportRow } from './measurement-rows';
import { text, type Text } from '@talentloop/i18n';

/**
 * The largest import file, CSV or JSON (about 40,000 measurements of a few indicators each):
 * a larger file is refused with 413 while it arrives, before it fills the process's memory.
 */
export const IMPORT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The most rows one import may hold, CSV or JSON. Every row is checked against the store and
 * stored by its own append before the answer, so rows, not bytes, bound a request's work (and
 * the length of a 422 that lists every bad row): 5 MB of narrow rows can be a million of them.
 * 50,000 is above the realistic rows 5 MB holds. Past it the answer is 413, as for the bytes:
 * no row is wrong and the remedy is the same, split the file, whereas a 422 asks for fixes.
 */
export const IMPORT_ROW_LIMIT = 50_000;

/**
 * The most characters in the cells of one CSV row. A row of some 30 scores is under 1 kB; the
 * limit stops a runaway row (a cell of megabytes, a quote never closed that swallows the rest
 * of the file) before it grows in memory. Answered with 422 naming the line: that row is wrong.
 */
export const IMPORT_ROW_LIMIT_CHARACTERS = 64 * 1024;

/** A file past one of the import's limits: nothing in it is wrong, it needs splitting. */
const pastLimit = (code: string, most: Text) =>
  new PayloadTooLargeException(problem(413, code, text('measurementImport.pastLimit', { most })));

const tooLarge = () =>
  pastLimit(
    'ENTITY_TOO_LARGE',
    text('measurementImport.bytes', { limit: IMPORT_BODY_LIMIT_BYTES }),
  );

const tooManyRows = () =>
  pastLimit('TOO_MANY_ROWS', text('measurementImport.rows', { limit: IMPORT_ROW_LIMIT }));

/** The rows of a CSV body, parsed as it arrives; a refused file's rest is drained unread. */
const csvRows = async (request: Request): Promise<ImportRow[]> => {
  if (Number(request.headers['content-length'] ?? 0) > IMPORT_BODY_LIMIT_BYTES) {
    request.resume();
    throw tooLarge();
  }
  const reading = await readCsv(
    request,
    {
      bytes: IMPORT_BODY_LIMIT_BYTES,
      rows: IMPORT_ROW_LIMIT,
      rowCharacters: IMPORT_ROW_LIMIT_CHARACTERS,
    },
    headerViolations,
  );
  switch (reading.outcome) {
    case 'read':
      return reading.records.map((record) => rowFromCsv(reading.header, record));
    case 'too-large':
      throw tooLarge();
    case 'too-many-rows':
      throw tooManyRows();
    case 'refused':
      throw new UnprocessableEntityException(
        problem(422, 'IMPORT_REJECTED', text('measurementImport.unreadable'), {
          errors: reading.errors,
        }),
      );
    default:
      return assertNever(reading);
  }
};

const PROBLEM = { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } };

@ApiTags('measurements')
@Controller('measurements/imports')
export class ImportMeasurementsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bulk import (JSON array or CSV): the whole file is validated first; any bad row refuses the file; re-importing changes nothing',
  })
  @ApiBodyByMediaType(
    'JSON: an array of measurements. CSV (UTF-8; "," or ";" as separator): a header line ' +
      'employeeId,competencyId,instrument,aptitude,behaviour,measuredAt, then one indicator:<id> ' +
      'and facet:<id> column per score, no other column and none twice; every row one cell per ' +
      `column. At most ${IMPORT_BODY_LIMIT_BYTES} bytes and ${IMPORT_ROW_LIMIT} rows, ` +
      `${IMPORT_ROW_LIMIT_CHARACTERS} characters a CSV row.`,
    {
      'application/json': {
        type: 'array',
        minItems: 1,
        maxItems: IMPORT_ROW_LIMIT,
        items: { $ref: '#/components/schemas/MeasurementDto' },
      },
      'text/csv': { type: 'string', minLength: 1, maxLength: IMPORT_BODY_LIMIT_BYTES },
    },
  )
  @ApiResponse({
    status: 200,
    description: 'Imported: rows, recorded, and unchanged (stored before)',
  })
  @ApiResponse({
    status: 413,
    description: `Past ${IMPORT_BODY_LIMIT_BYTES} bytes (ENTITY_TOO_LARGE) or ${IMPORT_ROW_LIMIT} rows (TOO_MANY_ROWS): split the file`,
    content: PROBLEM,
  })
  @ApiResponse({
    status: 415,
    description: 'Neither a JSON array nor text/csv (UNSUPPORTED_IMPORT)',
    content: PROBLEM,
  })
  @ApiResponse({
    status: 422,
    description:
      'IMPORT_REJECTED, nothing imported; `errors` names every bad row by line and field: an ' +
      'unknown or repeated column, a row with more or fewer cells than the header or longer ' +
      'than its limit, a misplaced quote, an invalid measurement',
    content: PROBLEM,
  })
  async import(@CurrentActor() actor: Actor, @Req() request: Request, @Body() body: unknown) {
    let rows: ImportRow[];
    if (request.is('text/csv')) rows = await csvRows(request);
    else if (Array.isArray(body)) {
      if (body.length > IMPORT_ROW_LIMIT) throw tooManyRows();
      rows = rowsFromJson(body);
    } else
      throw new UnsupportedMediaTypeException(
        problem(415, 'UNSUPPORTED_IMPORT', text('measurementImport.unsupported')),
      );
    return this.commands.execute(new ImportMeasurementsCommand(actor, rows));
  }
}
