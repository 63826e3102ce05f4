// Assessment's published events, one module per thing it records.
import { CompetencyFrameworkPublished, RoleProfileDefined } from './assessment/framework.events';
import { EmployeeSynced, ReportingLineChanged } from './assessment/people.events';
import {
  MeasurementRecorded,
  FeedbackRoundAggregated,
  MotivationRecorded,
} from './assessment/measurement.events';
import { GapIdentified, Remeasured } from './assessment/gap.events';

export { CompetencyFrameworkPublished, RoleProfileDefined } from './assessment/framework.events';
export { EmployeeSynced, ReportingLineChanged } from './assessment/people.events';
export {
  MeasurementRecordedV1,
  MeasurementRecorded,
  measurementRecordedV1ToV2,
  FeedbackRoundAggregated,
  MotivationRecorded,
} from './assessment/measurement.events';
export { GapIdentified, Remeasured } from './assessment/gap.events';

/** Current versions only; older versions are listed in the catalog with their upcasters. */
export const assessmentEvents = [
  CompetencyFrameworkPublished,
  RoleProfileDefined,
  EmployeeSynced,
  ReportingLineChanged,
  MeasurementRecorded,
  FeedbackRoundAggregated,
  MotivationRecorded,
  GapIdentified,
  Remeasured,
] as const;
