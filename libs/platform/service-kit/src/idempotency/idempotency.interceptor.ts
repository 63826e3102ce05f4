import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ReadModelStore } from '@talentloop/read-models';
import { catchError, concatMap, from, type Observable, switchMap } from 'rxjs';
import { isAuthenticated } from '../actor';
import { problem } from '../problem-details';
import { READ_MODEL_STORE } from '../tokens';
import {
  fingerprintOf,
  IDEMPOTENT_REPLAYED_HEADER,
  idempotencyRecordIdOf,
  isReplayable,
  type RequestContent,
} from './idempotency';
import { IdempotencyRecords, type IdempotencyClaim } from './idempotency-records';
import { idempotencyKeyOf, idempotencyScopeOf } from './request-command-id';
import { text } from '@talentloop/i18n';

const logger = new Logger('idempotency');

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What the request sent. The measurement import reads its text/csv body from the stream
 * itself, so Nest parsed nothing (no `request.body` object), and neither does a POST without a
 * body: their fingerprint is what the headers and the query say. That is enough for the
 * import, which is idempotent by content anyway (each measurement id is derived from its
 * content): another file of the same length under the same key is the one case it misses.
 */
const contentOf = (request: Request): RequestContent => {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null
    ? { parsed: true, body, query: request.query }
    : {
        parsed: false,
        contentType: request.headers['content-type'],
        contentLength: request.headers['content-length'],
        query: request.query,
      };
};

/**
 * Safe retries of every POST sent with an `Idempotency-Key` (draft-ietf-httpapi-idempotency-
 * key-header): the same key and body get the first answer again, another body 422, a key
 * still in flight 409. Runs after the guards, so a request refused with 401 or 403 never
 * touches a record; the decisions are `decideIdempotency`'s.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly records: IdempotencyRecords;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.records = new IdempotencyRecords(store);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    // A public route has no caller to scope a key to; none of them is a POST or PUT.
    if (!isAuthenticated(request) || !['POST', 'PUT'].includes(request.method))
      return next.handle();
    // Checked on a PUT too (where it only fixes the command id): a bad key is a 400 anywhere.
    const key = idempotencyKeyOf(request);
    if (key === undefined || request.method !== 'POST') return next.handle();
    const response = http.getResponse<Response>();
    const id = idempotencyRecordIdOf(idempotencyScopeOf(request), key);
    const fingerprint = fingerprintOf(contentOf(request));
    return from(this.records.claim(id, fingerprint)).pipe(
      switchMap((claim) => this.answer(claim, next, response, id, fingerprint)),
    );
  }

  private answer(
    claim: IdempotencyClaim,
    next: CallHandler,
    response: Response,
    id: string,
    fingerprint: string,
  ): Observable<unknown> {
    switch (claim.kind) {
      case 'replay':
        // No answer is kept (it may hold personal data a later erasure must reach, ADR 0007):
        // the handler runs again with the command id the key derives, and the event store
        // hands back the events of the first run instead of appending (handleCommand), so
        // the answer is the first one and nothing is applied twice.
        response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return next.handle();
      case 'reused':
        throw new UnprocessableEntityException(
          problem(422, 'IDEMPOTENCY_KEY_REUSED', text('http.idempotencyKeyReused')),
        );
      case 'in-use':
        response.setHeader('Retry-After', String(claim.retryAfterSeconds));
        throw new ConflictException(
          problem(409, 'IDEMPOTENCY_KEY_IN_USE', text('http.idempotencyKeyInUse')),
        );
      case 'claimed':
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            await this.finish(id, claim.version, fingerprint, response.statusCode);
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.records
              .release(id, claim.version)
              .catch((releasing: unknown) =>
                logger.warn(`an idempotency key stays in flight: ${messageOf(releasing)}`),
              );
            throw error;
          }),
        );
    }
  }

  /**
   * Keeps the key of a success (its fingerprint and status, never its body), or lets it go. The command ran either way, so a store
   * that fails here does not turn its answer into an error: the record stays in flight until
   * a retry takes it over and runs the command again, which then changes nothing.
   */
  private async finish(
    id: string,
    version: number,
    fingerprint: string,
    status: number,
  ): Promise<void> {
    try {
      if (!isReplayable(status)) await this.records.release(id, version);
      else await this.records.complete(id, version, fingerprint, status);
    } catch (error) {
      logger.warn(`an idempotency key stays in flight: ${messageOf(error)}`);
    }
    this.records
      .sweep()
      .catch((error: unknown) =>
        logger.warn(`expired idempotency records not deleted: ${messageOf(error)}`),
      );
  }
}
