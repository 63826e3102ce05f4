import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/service-kit';
import { AppModule, service } from './app.module';
import { approvalConfigFromEnv } from './approval.config';

runService(AppModule, service, approvalConfigFromEnv);
