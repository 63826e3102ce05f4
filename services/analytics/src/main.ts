import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/http';
import { AppModule, service } from './app.module';
import { analyticsConfigFromEnv } from './analytics.config';

runService(AppModule, service, analyticsConfigFromEnv);
