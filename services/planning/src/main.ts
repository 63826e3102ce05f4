import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/service-kit';
import { AppModule, service } from './app.module';
import { planningConfigFromEnv } from './planning.config';

runService(AppModule, service, planningConfigFromEnv);
