import {
  Controller,
  Get,
  Headers,
  Inject,
  Logger,
  Query,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { publishedStreamPrefixes } from '@talentloop/contracts';
import type { EventFilter, EventStore } from '@talentloop/event-store';
import {
  burstEnded,
  CurrentActor,
  EVENT_STORE,
  problem,
  type Actor,
} from '@talentloop/service-kit';
import type { Response } from 'express';
import { parseReplayRange, type ReplayRange } from './replay-range';
import { ReplayQueryDto } from './replay-query.dto';
import { ReplaySessions } from './replay-sessions';
import { livePages, ndjsonChunks, positionBefore, jsonPagesOf, sseChunk } from './replay-stream';
import { text } from '@talentloop/i18n';

export const NDJSON = 'application/x-ndjson';
export const EVENT_STREAM = 'text/event-stream';
/** How often an idle SSE stream polls the store for new events. */
export const SSE_POLL_MS = 250;
/** Comment lines keep proxies from closing an idle SSE connection. */
export const SSE_HEARTBEAT_MS = 15_000;

// Not through the QueryBus: events stream to the response as they are read (NDJSON, SSE).
@ApiTags('replay')
@Controller('replay')
export class ReplayController {
  private readonly logger = new Logger('replay');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sessions: ReplaySessions,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: "The caller's tenant's events as CloudEvents, in global order",
    description:
      `\`${NDJSON}\` (default): one CloudEvent per line up to the current head. ` +
      `\`${EVENT_STREAM}\`: the same events as SSE (\`id\` = global position), then live ones ` +
      'until the client disconnects; `Last-Event-ID` resumes. Each CloudEvent carries its ' +
      'global position in `sequence`. Roles: integrator, admin.',
  })
  @ApiProduces(NDJSON, EVENT_STREAM)
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume strictly after this global position (wins over `after` and `from`)',
  })
  @ApiOkResponse({ description: 'The event stream' })
  @ApiForbiddenResponse({ description: 'The caller is neither integrator nor admin' })
  @ApiUnprocessableEntityResponse({ description: 'A malformed or contradictory parameter' })
  async events(
    @CurrentActor() actor: Actor,
    @Query() query: ReplayQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const parsed = parseReplayRange(query, lastEventId);
    if (!parsed.ok)
      throw new UnprocessableEntityException(
        problem(
          422,
          'VALIDATION_FAILED',
          text('analytics.parametersInvalid', { count: parsed.errors.length }),
          {
            errors: parsed.errors,
          },
        ),
      );
    const { range } = parsed;
    // The tenant is always the caller's: no parameter can widen it.
    const filter: EventFilter = {
      tenantId: actor.tenantId,
      // The published contexts' events only: the subscriptions' own carry signing secrets.
      streamPrefixes: publishedStreamPrefixes,
      ...(range.types ? { eventTypes: range.types } : {}),
    };
    const after = range.from ? await positionBefore(this.store, range.from) : (range.after ?? 0n);
    const live = (accept ?? '').includes(EVENT_STREAM);

    let closed = false;
    const session = { end: () => res.end() };
    this.sessions.add(session);
    res.on('close', () => {
      closed = true;
      this.sessions.delete(session);
    });
    res.status(200);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      if (live) await this.streamSse(res, range, filter, after, () => closed);
      else await this.streamNdjson(res, range, filter, after, () => closed);
      if (!closed) res.end();
    } catch (error) {
      // Headers are out: a truncated body (connection reset) is all the client can be told.
      this.logger.error(
        `replay for ${actor.tenantId} failed`,
        error instanceof Error ? error.stack : String(error),
      );
      res.destroy(error instanceof Error ? error : undefined);
    } finally {
      this.sessions.delete(session);
      // A replay allocates as it goes (pages, opened fields, chunks): what it grew the heap by
      // is given back at the next idle moment, not minutes later (see compactWhenIdle).
      burstEnded();
    }
  }

  private async streamNdjson(
    res: Response,
    range: ReplayRange,
    filter: EventFilter,
    after: bigint,
    stopped: () => boolean,
  ): Promise<void> {
    res.setHeader('Content-Type', `${NDJSON}; charset=utf-8`);
    res.flushHeaders();
    const chunks = ndjsonChunks(this.store, { after, filter, limit: range.limit, stopped });
    for await (const chunk of chunks) {
      if (stopped()) return;
      await writeChunk(res, chunk);
    }
  }

  private async streamSse(
    res: Response,
    range: ReplayRange,
    filter: EventFilter,
    after: bigint,
    stopped: () => boolean,
  ): Promise<void> {
    res.setHeader('Content-Type', `${EVENT_STREAM}; charset=utf-8`);
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    // Tells the browser how soon to reconnect; then a first byte so clients see the stream open.
    res.write('retry: 1000\n: replay\n\n');
    const heartbeat = setInterval(() => {
      if (!stopped()) res.write(': heartbeat\n\n');
    }, SSE_HEARTBEAT_MS);
    try {
      const pages = livePages(jsonPagesOf(this.store), {
        after,
        filter,
        limit: range.limit,
        stopped,
        idle: () => sleepUnless(SSE_POLL_MS, stopped),
      });
      for await (const page of pages) {
        if (stopped()) return;
        await writeChunk(res, sseChunk(page));
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** Writes and, when the socket buffer is full, waits for it to drain (or the client to go). */
const writeChunk = (res: Response, chunk: string | Buffer): Promise<void> => {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
};

const sleepUnless = (ms: number, stopped: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    const started = Date.now();
    // Short ticks so a disconnect ends the wait soon; the poll itself runs every `ms`.
    const tick = () => {
      if (stopped() || Date.now() - started >= ms) resolve();
      else setTimeout(tick, Math.min(50, ms));
    };
    tick();
  });
