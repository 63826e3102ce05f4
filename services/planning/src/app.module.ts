import { Module } from '@nestjs/common';
import { PlatformModule, serviceImports, type ServiceDescription } from '@talentloop/http';

export const service: ServiceDescription = {
  name: 'planning',
  title: 'Planning service',
  defaultPort: 3002,
};

@Module({
  imports: [...serviceImports, PlatformModule.forService(service.name, { publishes: 'planning' })],
})
export class AppModule {}
