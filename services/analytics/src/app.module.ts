import { type DynamicModule, Module } from '@nestjs/common';
import {
  PlatformModule,
  serviceImports,
  systemClock,
  type Clock,
  SUBJECT_DIRECTORY,
  type ServiceDescription,
} from '@talentloop/service-kit';
import { AnalyticsQueriesController } from './analytics-queries/analytics-queries.controller';
import { ANALYTICS_SETTINGS, analyticsSettingsFromEnv } from './analytics.settings';
import { EmployeeHistoryController } from './employee-history/employee-history.controller';
import { PersonExportController } from './person-export/person-export.controller';
import { FactsView } from './projections/facts-view';
import { ReplayModule } from './replay/replay.module';

export const service: ServiceDescription = {
  name: 'analytics',
  title: 'Analytics service',
  defaultPort: 3004,
};

export interface AnalyticsModuleOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Tests fix the time; the service runs on the system clock. */
  readonly clock?: Clock;
}

@Module({})
export class AnalyticsModule {
  static register({ env, clock = systemClock }: AnalyticsModuleOptions): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        ...serviceImports,
        PlatformModule.forService(service.name, {
          clock,
          env,
        }),
        ReplayModule,
      ],
      controllers: [AnalyticsQueriesController, EmployeeHistoryController, PersonExportController],
      providers: [
        { provide: ANALYTICS_SETTINGS, useValue: analyticsSettingsFromEnv(env) },
        FactsView,
        { provide: SUBJECT_DIRECTORY, useExisting: FactsView },
      ],
    };
  }
}

@Module({ imports: [AnalyticsModule.register({ env: process.env })] })
export class AppModule {}
