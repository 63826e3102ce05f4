import { Module } from '@nestjs/common';
import { PlatformModule, serviceImports, type ServiceDescription } from '@talentloop/http';

export const service: ServiceDescription = {
  name: 'assessment',
  title: 'Assessment service',
  defaultPort: 3001,
};

@Module({
  imports: [
    ...serviceImports,
    PlatformModule.forService(service.name, { publishes: 'assessment' }),
  ],
})
export class AppModule {}
