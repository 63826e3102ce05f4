/**
 * The limit bench:system measures a command against: a NestJS application on the services'
 * platform (Express) with one POST route that parses its JSON body and does nothing else,
 * in a process of its own. Started by noop-baseline.ts; prints `listening <port>` when ready.
 */
import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

@Controller()
class NoopController {
  @Post('noop')
  noop(@Body() _body: unknown): Record<string, never> {
    return {};
  }
}

@Module({ controllers: [NoopController] })
class NoopModule {}

const main = async () => {
  const app = await NestFactory.create(NoopModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  process.stdout.write(`listening ${address.port}\n`);
};

void main();
