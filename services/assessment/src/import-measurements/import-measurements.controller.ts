import {
  Body,
  Controller,
  HttpCode,
  PayloadTooLargeException,
  Post,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, problem, type Actor } from '@talentloop/http';
import type { Request } from 'express';
import { parseCsv } from './csv';
import { ImportMeasurementsCommand } from './import-measurements.handler';
import { rowFromCsv, rowsFromJson, type ImportRow } from './measurement-rows';

/**
 * The largest import file, CSV or JSON (about 40,000 measurements of a few indicators each):
 * a larger file is refused with 413 while it arrives, before it fills the process's memory.
 */
export const IMPORT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

const tooLarge = () =>
  new PayloadTooLargeException(
    problem(
      413,
      'ENTITY_TOO_LARGE',
      `an import file may hold at most ${IMPORT_BODY_LIMIT_BYTES} bytes; split it`,
    ),
  );

/** The body as text; past the limit, the rest is drained unread and the import refused. */
const readText = (request: Request): Promise<string> =>
  new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > IMPORT_BODY_LIMIT_BYTES)
      return reject(tooLarge());
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= IMPORT_BODY_LIMIT_BYTES) return void chunks.push(chunk);
      request.off('data', onData);
      chunks.length = 0;
      request.resume();
      reject(tooLarge());
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });

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
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    description:
      'JSON: an array of measurements. CSV: employeeId,competencyId,instrument,aptitude,behaviour,measuredAt, then one indicator:<id> and facet:<id> column per score',
  })
  @ApiResponse({ status: 422, description: 'Every bad row, with its line and field' })
  async import(@CurrentActor() actor: Actor, @Req() request: Request, @Body() body: unknown) {
    let rows: ImportRow[];
    if (request.is('text/csv')) rows = parseCsv(await readText(request)).rows.map(rowFromCsv);
    else if (Array.isArray(body)) rows = rowsFromJson(body);
    else
      throw new UnsupportedMediaTypeException(
        problem(415, 'UNSUPPORTED_IMPORT', 'send a JSON array of measurements or a text/csv file'),
      );
    return this.commands.execute(new ImportMeasurementsCommand(actor, rows));
  }
}
