import type {
  EmployeeCommand,
  EmployeeState,
  MeasurementInput,
} from '@talentloop/assessment-domain';
import type { MeasurementRecorded, Remeasured } from '@talentloop/contracts';
import { contentId } from '../shared/content-id';
import type { MeasurementDto } from './record-measurement.dto';

/** The id of a measurement is its content: the same scores sent again are the same measurement. */
export const measurementInputOf = (tenantId: string, body: MeasurementDto): MeasurementInput => {
  const { employeeId, competencyId, instrument, aptitude, behaviour, measuredAt } = body;
  const indicatorScores = body.indicatorScores.map(({ indicatorId, score }) => ({
    indicatorId,
    score,
  }));
  const facetScores = body.facetScores.map(({ facetId, score }) => ({ facetId, score }));
  const content = {
    employeeId,
    competencyId,
    instrument,
    aptitude,
    behaviour,
    indicatorScores,
    facetScores,
    measuredAt,
  };
  return { measurementId: contentId('msr', tenantId, content), ...content };
};

/** The same measurement under the same command id, whether sent alone or in an import. */
export const measurementCommandId = (kind: EmployeeCommand['type'], measurementId: string) =>
  `${kind}:${measurementId}`;

export interface MeasurementOutcome {
  readonly measurement: MeasurementRecorded['data'] | undefined;
  /** Only for a remeasurement: the evidence of growth. */
  readonly comparison?: Remeasured['data'];
}

/** The measurement as recorded, and its comparison when it was a remeasurement. */
export const outcomeOf = (state: EmployeeState, measurementId: string): MeasurementOutcome => {
  if (state.status === 'unknown') return { measurement: undefined };
  const comparison = state.remeasurements.find(
    (compared) => compared.measurementId === measurementId,
  );
  return {
    measurement: state.measurements[measurementId],
    ...(comparison ? { comparison } : {}),
  };
};
