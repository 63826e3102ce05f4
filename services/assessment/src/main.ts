import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/service-kit';
import { AppModule, service } from './app.module';
import { assessmentConfigFromEnv } from './assessment.config';

runService(AppModule, service, assessmentConfigFromEnv);
