import { type DynamicModule, Module } from '@nestjs/common';
import {
  PlatformModule,
  serviceImports,
  systemClock,
  type Clock,
  ACCESS_FACTS,
  type ServiceDescription,
} from '@talentloop/service-kit';
import { AnalyticsQueriesController } from './analytics-queries/analytics-queries.controller';
import { AnalyticsReportHandler } from './analytics-queries/analytics-report.handler';
import { ANALYTICS_SETTINGS, analyticsSettingsFromEnv } from './analytics.settings';
import { EmployeeHistoryController } from './employee-history/employee-history.controller';
import { EmployeeHistoryHandler } from './employee-history/employee-history.handler';
import { PersonExportController } from './person-export/person-export.controller';
import { PersonExportHandler } from './person-export/person-export.handler';
import { FactsView } from './projections/facts-view';
import { ReplayModule } from './replay/replay.module';

export const service: ServiceDescription = {
  name: 'analytics',
  title: 'Analytics service',
  defaultPort: 3004,
};

const handlers = [AnalyticsReportHandler, EmployeeHistoryHandler, PersonExportHandler];

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
        { provide: ACCESS_FACTS, useExisting: FactsView },
        ...handlers,
      ],
    };
  }
}

@Module({ imports: [AnalyticsModule.register({ env: process.env })] })
export class AppModule {}
