import { Module } from '@nestjs/common';
import { PlatformModule, serviceImports, type ServiceDescription } from '@talentloop/http';

export const service: ServiceDescription = {
  name: 'approval',
  title: 'Approval service',
  defaultPort: 3003,
};

@Module({
  imports: [...serviceImports, PlatformModule.forService(service.name, { publishes: 'approval' })],
})
export class AppModule {}
