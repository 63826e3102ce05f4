import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { ErasePersonCommand } from './erase-person.handler';

@ApiTags('people')
@Controller('people/:employeeId/erasure')
export class ErasePersonController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erases a person (admin): their key is destroyed, so every personal field about them reads "[erased]" everywhere; idempotent',
  })
  erase(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    return this.commands.execute(new ErasePersonCommand(actor, employeeId));
  }
}
