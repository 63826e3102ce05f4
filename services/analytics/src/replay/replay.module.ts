import { Module } from '@nestjs/common';
import { ReplayController } from './replay.controller';
import { ReplaySessions } from './replay-sessions';

/**
 * GET /replay/events for integrators. Needs EVENT_STORE, which the global PlatformModule
 * provides: import this module next to `PlatformModule.forService(...)`.
 */
@Module({
  controllers: [ReplayController],
  providers: [ReplaySessions],
})
export class ReplayModule {}
