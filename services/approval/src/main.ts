import 'reflect-metadata';
import { bootstrapService } from '@talentloop/http';
import { AppModule, service } from './app.module';

bootstrapService(AppModule, service).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
