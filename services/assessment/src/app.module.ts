import { type DynamicModule, Module } from '@nestjs/common';
import {
  PlatformModule,
  serviceImports,
  ACCESS_FACTS,
  systemClock,
  type Clock,
  type ServiceDescription,
} from '@talentloop/service-kit';
import { AnalyseGapsController } from './analyse-gaps/analyse-gaps.controller';
import { GetGapReportHandler } from './analyse-gaps/gap-report.query';
import { CloseFeedbackRoundController } from './close-feedback-round/close-feedback-round.controller';
import { DefineRoleProfileController } from './define-role-profile/define-role-profile.controller';
import { GetRoleProfileHandler } from './define-role-profile/get-role-profile.query';
import { EmployeeAssessmentController } from './employee-assessment/employee-assessment.controller';
import { GetEmployeeAssessmentHandler } from './employee-assessment/employee-assessment.query';
import { ErasePersonController } from './erase-person/erase-person.controller';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { ImportMeasurementsController } from './import-measurements/import-measurements.controller';
import { ImportMeasurementsHandler } from './import-measurements/import-measurements.handler';
import { GetFrameworkHandler } from './publish-framework/get-framework.query';
import { PublishFrameworkController } from './publish-framework/publish-framework.controller';
import { RecordMeasurementController } from './record-measurement/record-measurement.controller';
import { RecordMotivationController } from './record-motivation/record-motivation.controller';
import { RecordObservationController } from './record-observation/record-observation.controller';
import { AssessmentCommands } from './shared/assessment-commands';
import { AssessmentStore } from './shared/assessment-store';
import { EmployeeReader } from './shared/employee-reader';
import { PrioritySettings, weightingsFromEnv } from './shared/priority-settings';
import { SyncPeopleController } from './sync-people/sync-people.controller';
import { SyncPeopleHandler } from './sync-people/sync-people.handler';

export const service: ServiceDescription = {
  name: 'assessment',
  title: 'Assessment service',
  defaultPort: 3001,
  // 5,000 people per call (SyncPeopleDto), each at most ~1.5 kB of JSON at the DTO's lengths.
  // Measurement imports: the same limit for JSON as for CSV (ImportMeasurementsController).
  // A feedback round: 30,000 rater answers of at most ~330 bytes each. A framework: 500
  // competencies of up to 30 indicators and facets fit in 12 MB at realistic text lengths
  // (every text at its maximum would be ~150 MB, which no limit should accept): larger is 413.
  jsonBodyLimits: {
    '/people/sync': '8mb',
    '/measurements/imports': '5mb',
    '/employees/:employeeId/feedback-rounds': '12mb',
    '/frameworks/:frameworkId/versions': '12mb',
  },
};

/**
 * The use cases with work beyond one decider command; the rest hand DeciderCommands to the
 * CommandBus, run by the platform's one handler.
 */
const commandHandlers = [SyncPeopleHandler, ImportMeasurementsHandler, ErasePersonHandler];

const queryHandlers = [
  GetFrameworkHandler,
  GetRoleProfileHandler,
  GetGapReportHandler,
  GetEmployeeAssessmentHandler,
];

export interface AssessmentModuleOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Tests fix the time; the service runs on the system clock. */
  readonly clock?: Clock;
}

@Module({})
export class AssessmentModule {
  static register({ env, clock = systemClock }: AssessmentModuleOptions): DynamicModule {
    return {
      module: AssessmentModule,
      imports: [
        ...serviceImports,
        PlatformModule.forService(service.name, {
          clock,
          publishes: ['assessment', 'identity'],
          env,
        }),
      ],
      controllers: [
        PublishFrameworkController,
        DefineRoleProfileController,
        SyncPeopleController,
        RecordMeasurementController,
        RecordObservationController,
        ImportMeasurementsController,
        CloseFeedbackRoundController,
        RecordMotivationController,
        AnalyseGapsController,
        EmployeeAssessmentController,
        ErasePersonController,
      ],
      providers: [
        AssessmentStore,
        AssessmentCommands,
        EmployeeReader,
        { provide: ACCESS_FACTS, useExisting: EmployeeReader },
        { provide: PrioritySettings, useValue: new PrioritySettings(weightingsFromEnv(env)) },
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}

@Module({ imports: [AssessmentModule.register({ env: process.env })] })
export class AppModule {}
