import { Injectable, type NestMiddleware } from '@nestjs/common';
import { withReadMemo } from '@talentloop/read-models';

/**
 * Makes each request one unit of work of the read side's memo (`withReadMemo`): the guards,
 * the interceptors and the handler of one request read each document once. A service's module
 * applies it to its routes (`consumer.apply(ReadMemoMiddleware).forRoutes(...)`); module
 * middleware runs after the body parsers and before the guards, so all of them run inside it.
 */
@Injectable()
export class ReadMemoMiddleware implements NestMiddleware {
  use(_request: unknown, _response: unknown, next: () => void): void {
    withReadMemo(next);
  }
}
