import { UnprocessableEntityException } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  employeeDecider,
  InvalidAssessmentInput,
  type EmployeeCommand,
  type EmployeeState,
  type Reference,
} from '@talentloop/assessment-domain';
import { DomainError } from '@talentloop/domain-kernel';
import {
  createValidationPipe,
  fieldErrorsOf,
  problem,
  type Actor,
  type ProblemDetails,
} from '@talentloop/service-kit';
import { MeasurementDto } from '../record-measurement/record-measurement.dto';
import { measurementCommandId, measurementInputOf } from '../record-measurement/measurement';
import { employeeCommand } from '../shared/assessment-commands';
import { AssessmentStore } from '../shared/assessment-store';
import type { ImportRow } from './measurement-rows';
import { text, type Text } from '@talentloop/i18n';

export interface ImportOutcome {
  readonly rows: number;
  readonly recorded: number;
  /** Rows already stored by an earlier import: re-importing a file changes nothing. */
  readonly unchanged: number;
}

export class ImportMeasurementsCommand extends Command<ImportOutcome> {
  constructor(
    readonly actor: Actor,
    readonly rows: readonly ImportRow[],
  ) {
    super();
  }
}

/** What is wrong with a row, in a field; a domain message without a catalogue text as it is. */
interface RowProblem {
  readonly field: string;
  readonly message: Text | string;
}

/** A row that passed every check; `write` is absent when it is already stored. */
interface CheckedRow {
  readonly row: ImportRow;
  readonly write?: {
    readonly employeeId: string;
    readonly measurementId: string;
    readonly command: EmployeeCommand;
  };
  readonly violations: readonly RowProblem[];
}

/** Each employee's state and reference, read once per import however many rows name them. */
type EmployeeLookup = (
  employeeId: string,
) => Promise<{ state: EmployeeState; reference?: Reference }>;

/** The same validation a single measurement gets, reused row by row. */
const shapePipe = createValidationPipe();

const shapeOf = async (row: ImportRow) => {
  try {
    const dto = (await shapePipe.transform(row.raw, {
      type: 'body',
      metatype: MeasurementDto,
    })) as MeasurementDto;
    return { dto, violations: [] };
  } catch (error) {
    if (!(error instanceof UnprocessableEntityException)) throw error;
    return { dto: undefined, violations: fieldErrorsOf(error.getResponse() as ProblemDetails) };
  }
};

/** A refusal of the domain, named by the field it concerns. */
const violationsOf = (error: unknown): readonly RowProblem[] => {
  if (error instanceof InvalidAssessmentInput) return error.violations;
  if (error instanceof DomainError)
    return [{ field: 'employeeId', message: error.text ?? error.message }];
  throw error;
};

/**
 * A file is checked whole before anything is stored: shape, then every domain rule against
 * the current state (a dry run of the decider). Only a file without a single bad row is
 * written, one measurement at a time under its content-derived command id, so an import cut
 * short is completed by importing the file again.
 */
@CommandHandler(ImportMeasurementsCommand)
export class ImportMeasurementsHandler implements ICommandHandler<ImportMeasurementsCommand> {
  constructor(
    private readonly store: AssessmentStore,
    private readonly commands: CommandBus,
  ) {}

  private lookupFor(tenantId: string): EmployeeLookup {
    const loaded = new Map<string, ReturnType<EmployeeLookup>>();
    return (employeeId) => {
      const known =
        loaded.get(employeeId) ??
        this.store.employee(tenantId, employeeId).then(async (state) => ({
          state,
          reference: await this.store.referenceOf(tenantId, state),
        }));
      loaded.set(employeeId, known);
      return known;
    };
  }

  private async check(row: ImportRow, actor: Actor, lookup: EmployeeLookup): Promise<CheckedRow> {
    if (row.violations) return { row, violations: row.violations };
    const { dto, violations } = await shapeOf(row);
    if (!dto) return { row, violations };
    const measurement = measurementInputOf(actor.tenantId, dto);
    const { employeeId, measurementId } = measurement;
    const { state, reference } = await lookup(employeeId);
    const command: EmployeeCommand = {
      type: 'RecordMeasurement',
      data: { measurement, reference },
    };
    try {
      const isNew = employeeDecider.decide(command, state).length > 0;
      return {
        row,
        violations: [],
        ...(isNew ? { write: { employeeId, measurementId, command } } : {}),
      };
    } catch (error) {
      return { row, violations: violationsOf(error) };
    }
  }

  async execute({ actor, rows }: ImportMeasurementsCommand): Promise<ImportOutcome> {
    const lookup = this.lookupFor(actor.tenantId);
    const checked: CheckedRow[] = [];
    for (const row of rows) checked.push(await this.check(row, actor, lookup));
    const bad = checked.flatMap(({ row, violations }) =>
      violations.map(({ field, message }) => ({
        line: row.line,
        field: row.fieldName(field),
        message,
      })),
    );
    if (rows.length === 0 || bad.length > 0)
      throw new UnprocessableEntityException(
        problem(
          422,
          'IMPORT_REJECTED',
          rows.length === 0
            ? text('measurementImport.noRows')
            : text('measurementImport.rowsInvalid', {
                rows: new Set(bad.map((b) => b.line)).size,
              }),
          {
            errors: bad,
          },
        ),
      );
    // A file may repeat a row: the same content is the same measurement, stored once.
    const recorded = new Set<string>();
    for (const { write } of checked) {
      if (!write || recorded.has(write.measurementId)) continue;
      await this.commands.execute(
        employeeCommand(
          actor,
          write.employeeId,
          write.command,
          measurementCommandId('RecordMeasurement', write.measurementId),
        ),
      );
      recorded.add(write.measurementId);
    }
    return { rows: rows.length, recorded: recorded.size, unchanged: rows.length - recorded.size };
  }
}
