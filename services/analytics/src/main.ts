import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/service-kit';
import { AppModule, service } from './app.module';
import { analyticsConfigFromEnv } from './analytics.config';

runService(AppModule, service, analyticsConfigFromEnv);
