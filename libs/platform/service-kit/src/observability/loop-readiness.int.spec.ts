import {
  Inject,
  Injectable,
  type INestApplication,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Loop, LoopControl, Supervisor } from '@talentloop/supervision';
import { eventually, useTemporaryFolder } from '@talentloop/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createServiceApp } from '../bootstrap';
import { PlatformModule, SUPERVISOR } from '../platform.module';
import { PROBLEM_JSON } from '../problem-details';

/** A read side that runs until the test makes it fail; its starts fail while the broker is down. */
class ReadSideLoop implements Loop {
  readonly finished: Promise<void>;
  private end!: { resolve: () => void; reject: (error: Error) => void };

  constructor(readonly control: LoopControl) {
    this.finished = new Promise((resolve, reject) => (this.end = { resolve, reject }));
  }

  fail(message: string): void {
    this.end.reject(new Error(message));
  }

  stop(): Promise<void> {
    this.end.resolve();
    return this.finished;
  }
}

/** Registers its read side with the platform's supervisor, as a service does. */
@Injectable()
class ReadSideProbe implements OnApplicationBootstrap {
  brokerDown = false;
  latest: ReadSideLoop | undefined;

  constructor(@Inject(SUPERVISOR) private readonly supervisor: Supervisor) {}

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      'probe.read-side',
      (control) => {
        if (this.brokerDown) throw new Error('broker unreachable');
        this.latest = new ReadSideLoop(control);
        // It has a backlog to apply before the service can answer from it.
        control.catchingUp();
        return this.latest;
      },
      { startsCaughtUp: false },
    );
  }
}

interface ReadyBody {
  status?: string;
  code?: string;
  detail?: string;
  info?: { loops?: { loops: { name: string; up: boolean }[] } };
  health?: {
    info: Record<string, { status: string }>;
    error: Record<string, { status: string; reasons?: string[] }>;
  };
}

describe('readiness of a service with background loops', () => {
  const folder = useTemporaryFolder('loop-readiness');
  let app: INestApplication;
  let base: string;
  let readSide: ReadSideProbe;

  beforeEach(async () => {
    @Module({
      imports: [
        PlatformModule.forService('probe', {
          publishes: 'planning',
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder(), 'store.sqlite'),
            BUS_SQLITE_PATH: join(folder(), 'bus.sqlite'),
            // The relay's checkpoint and lease: this test's own, not data/ of the working folder.
            READ_MODELS_SQLITE_PATH: join(folder(), 'read-models.sqlite'),
            AUTH_MODE: 'development',
            AUTH_DEV_SECRET: randomUUID() + randomUUID(),
            LOOP_DOWN_READY_THRESHOLD_MS: '2000',
            // Restarts come at most 200 ms apart: once the broker is back, the read side is up
            // again within the wait below, whatever the jitter draws (by default the wait grows
            // to 30 s, and after a few seconds of failures it could pass 10 s).
            LOOP_RESTART_MAX_BACKOFF_MS: '200',
          },
        }),
      ],
      providers: [ReadSideProbe],
    })
    class ProbeModule {}
    app = await createServiceApp(
      ProbeModule,
      { name: 'probe', title: 'Probe', defaultPort: 0 },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    readSide = app.get(ReadSideProbe);
    await eventually('the read side started', () => readSide.latest !== undefined);
  });

  afterEach(async () => {
    await app.close();
  });

  const ready = async () => {
    const response = await fetch(`${base}/health/ready`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as ReadyBody,
    };
  };
  const metric = async (name: string) => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = new RegExp(`^${name}\\{[^}]*loop="probe.read-side"[^}]*\\} (\\d+)$`, 'm').exec(
      text,
    );
    return line ? Number(line[1]) : undefined;
  };

  it('answers 503 naming a read side still catching up at start, and 200 once it caught up', async () => {
    const catchingUp = await ready();
    expect(catchingUp.status).toBe(503);
    expect(catchingUp.type).toContain(PROBLEM_JSON);
    expect(catchingUp.body).toMatchObject({
      code: 'NOT_READY',
      detail: 'not ready: loop probe.read-side catching up',
      health: {
        info: { eventStore: { status: 'up' }, bus: { status: 'up' } },
        error: { loops: { status: 'down', reasons: ['loop probe.read-side catching up'] } },
      },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    readSide.latest!.control.caughtUp();
    const caughtUp = await ready();
    expect(caughtUp.status).toBe(200);
    // The platform's topology declaration and relay run under the same supervisor.
    expect(caughtUp.body.info?.loops?.loops).toEqual([
      expect.objectContaining({ name: 'probe.topology', up: true }),
      expect.objectContaining({ name: 'probe.relay.planning', up: true }),
      expect.objectContaining({ name: 'probe.read-side', up: true, caughtUp: true }),
    ]);
  });

  it('answers 503 naming a loop down past the threshold, and 200 once it is back up', async () => {
    readSide.latest!.control.caughtUp();
    expect((await ready()).status).toBe(200);

    readSide.brokerDown = true;
    readSide.latest!.fail('lost the broker');
    await eventually('the read side down', async () => (await metric('talentloop_loop_up')) === 0);
    // Within the threshold a restart may still bring it back: no reason to turn traffic away.
    expect((await ready()).status).toBe(200);

    await eventually('readiness to fail', async () => (await ready()).status === 503, 5_000);
    const down = await ready();
    expect(down.body.detail).toMatch(/^not ready: loop probe\.read-side down for \d+ s$/);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await metric('talentloop_loop_restarts_total')).toBeGreaterThanOrEqual(1);

    readSide.brokerDown = false;
    await eventually('readiness back', async () => (await ready()).status === 200, 10_000);
    // Restarted, the read side is behind again, but it caught up once: lag is not judged.
    expect(await metric('talentloop_loop_up')).toBe(1);
  });
});
