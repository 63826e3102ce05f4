import {
  Body,
  Controller,
  HttpCode,
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

const readText = async (request: Request): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

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
