import './telemetry';
import 'reflect-metadata';
import { runService } from '@talentloop/service-kit';
import { AppModule, service } from './app.module';
import { notificationsConfigFromEnv } from './notifications.config';

runService(AppModule, service, notificationsConfigFromEnv);
