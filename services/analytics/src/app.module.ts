import { Module } from '@nestjs/common';
import { PlatformModule, serviceImports, type ServiceDescription } from '@talentloop/http';

export const service: ServiceDescription = {
  name: 'analytics',
  title: 'Analytics service',
  defaultPort: 3004,
};

@Module({
  imports: [...serviceImports, PlatformModule.forService(service.name)],
})
export class AppModule {}
