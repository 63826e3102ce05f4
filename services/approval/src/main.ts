import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/http';
import { AppModule, service } from './app.module';
import { approvalConfigFromEnv } from './approval.config';

runService(AppModule, service, approvalConfigFromEnv);
