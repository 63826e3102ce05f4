import { metricsRegistry } from '@talentloop/observability';
import { eventually } from '@talentloop/testing';
import type { Loop, LoopControl } from './loop';
import { Supervisor, type SupervisorOptions } from './supervisor';

/** A loop that runs until told to stop, fail, or end on its own. */
class CommandedLoop implements Loop {
  readonly finished: Promise<void>;
  stopCalls = 0;
  private end!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    readonly control: LoopControl,
    private readonly stopTakesMs = 0,
  ) {
    this.finished = new Promise((resolve, reject) => (this.end = { resolve, reject }));
  }

  fail(message: string): void {
    this.end.reject(new Error(message));
  }

  endOnItsOwn(): void {
    this.end.resolve();
  }

  async stop(): Promise<void> {
    this.stopCalls++;
    await new Promise((resolve) => setTimeout(resolve, this.stopTakesMs));
    this.end.resolve();
    await this.finished;
  }
}

/** Starts CommandedLoops, refusing while its "broker" is down; remembers when each started. */
class LoopFactory {
  readonly started: CommandedLoop[] = [];
  readonly startedAt: number[] = [];
  brokerDown = false;

  constructor(private readonly stopTakesMs = 0) {}

  readonly start = async (control: LoopControl): Promise<Loop> => {
    this.startedAt.push(Date.now());
    await new Promise(setImmediate);
    if (this.brokerDown) throw new Error('broker unreachable');
    const loop = new CommandedLoop(control, this.stopTakesMs);
    this.started.push(loop);
    return loop;
  };

  get latest(): CommandedLoop {
    return this.started[this.started.length - 1];
  }
}

/** A clock the test moves by hand, for the rules that count time (not for the waits). */
class ManualClock {
  private current = Date.parse('2026-03-02T09:00:00.000Z');

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

const metricValue = async (metric: string, loop: string): Promise<number | undefined> => {
  const values = (await metricsRegistry.getSingleMetric(metric)!.get()).values;
  return values.find((value) => value.labels.loop === loop)?.value;
};

describe('the supervisor of background loops', () => {
  const logged: string[] = [];
  let supervisor: Supervisor;
  const supervisorWith = (options: SupervisorOptions = {}) =>
    (supervisor = new Supervisor({
      backoff: { initialMs: 40, maxMs: 400 },
      // The top of each range: the waits are then known, and still real.
      random: () => 0.999_999,
      log: (level, message) => logged.push(`${level}: ${message}`),
      ...options,
    }));

  afterEach(async () => {
    await supervisor.stop();
    logged.length = 0;
  });

  it('starts a failed loop again after a backoff that grows with each failure in a row, and reports it in metrics', async () => {
    const loops = new LoopFactory();
    supervisorWith().supervise('test.restarts', loops.start);
    await eventually('the first start', () => supervisor.status()[0].up);
    expect(await metricValue('talentloop_loop_up', 'test.restarts')).toBe(1);
    expect(await metricValue('talentloop_loop_restarts_total', 'test.restarts')).toBe(0);

    // The broker stays down for two more starts, so the loop stays down and the waits show.
    loops.brokerDown = true;
    const failedAt = Date.now();
    loops.latest.fail('projection crashed');
    await eventually('two more starts', () => loops.startedAt.length === 3);
    expect(supervisor.status()[0]).toMatchObject({
      up: false,
      lastError: 'Error: broker unreachable',
    });
    expect(await metricValue('talentloop_loop_up', 'test.restarts')).toBe(0);
    expect(logged.join('\n')).toMatch(
      /error: loop test.restarts failed \(1 in a row\); starting it again in 39 ms: Error: projection crashed\n\s+at /,
    );
    const [, second, third] = loops.startedAt;
    // Timers may fire a millisecond early; the waits are 39 ms, then 79 ms.
    expect(second - failedAt).toBeGreaterThanOrEqual(38);
    expect(third - second).toBeGreaterThanOrEqual(78);

    loops.brokerDown = false;
    await eventually('the loop up again', () => supervisor.status()[0].up);
    const restarts = loops.startedAt.length - 1;
    expect(supervisor.status()[0]).toMatchObject({ up: true, restarts });
    expect(await metricValue('talentloop_loop_up', 'test.restarts')).toBe(1);
    expect(await metricValue('talentloop_loop_restarts_total', 'test.restarts')).toBe(restarts);
    expect(logged).toContain('info: loop test.restarts running again');
  });

  it('starts a loop again when it ends on its own, as a failure', async () => {
    const loops = new LoopFactory();
    supervisorWith().supervise('test.ends', loops.start);
    await eventually('the first start', () => supervisor.status()[0].up);

    loops.latest.endOnItsOwn();
    await eventually('the second start', () => loops.started.length === 2);
    expect(supervisor.status()[0].lastError).toBe('Error: stopped on its own');
  });

  it('retries a start that throws (the broker down at start) until it succeeds', async () => {
    const loops = new LoopFactory();
    loops.brokerDown = true;
    supervisorWith().supervise('test.start', loops.start);
    await eventually('three refused starts', () => loops.startedAt.length >= 3);
    expect(supervisor.status()[0]).toMatchObject({
      up: false,
      lastError: 'Error: broker unreachable',
    });
    expect(logged.join('\n')).toContain('error: loop test.start could not start (2 in a row)');

    loops.brokerDown = false;
    await eventually('the loop up', () => supervisor.status()[0].up);
    expect(loops.started).toHaveLength(1);
    expect(supervisor.status()[0].restarts).toBe(loops.startedAt.length - 1);
    expect(await metricValue('talentloop_loop_up', 'test.start')).toBe(1);
  });

  it('waits the initial backoff again after a loop ran fine for a while', async () => {
    const clock = new ManualClock();
    const loops = new LoopFactory();
    supervisorWith({ clock, stableAfterMs: 60_000 }).supervise('test.stable', loops.start);
    await eventually('the first start', () => loops.started.length === 1);

    loops.latest.fail('first incident');
    await eventually('the second start', () => loops.started.length === 2);
    loops.latest.fail('still failing');
    await eventually('the third start', () => loops.started.length === 3);
    clock.advance(60_000);
    loops.latest.fail('a new incident, an hour later');
    await eventually('the fourth start', () => loops.started.length === 4);

    expect(logged.filter((line) => line.startsWith('error')).map(inARow)).toEqual([1, 2, 1]);
  });

  it('stops every loop, waiting for each, and starts none again afterwards', async () => {
    const loops = new LoopFactory(50);
    const failing = new LoopFactory();
    supervisorWith({ backoff: { initialMs: 100, maxMs: 100 } });
    supervisor.supervise('test.stop.running', loops.start);
    supervisor.supervise('test.stop.failing', failing.start);
    await eventually('both up', () => supervisor.status().every((loop) => loop.up));
    failing.brokerDown = true;
    failing.latest.fail('down before the shutdown');
    await eventually('one loop down', () => !supervisor.status()[1].up);

    const began = Date.now();
    await supervisor.stop();
    const attemptsAtStop = failing.startedAt.length;
    // The running loop took 50 ms to stop; the one waiting for its restart did not wait.
    expect(Date.now() - began).toBeGreaterThanOrEqual(48);
    expect(loops.latest.stopCalls).toBe(1);
    await expect(loops.latest.finished).resolves.toBeUndefined();
    expect(supervisor.status().map((loop) => loop.up)).toEqual([false, false]);

    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(loops.startedAt).toHaveLength(1);
    expect(failing.startedAt).toHaveLength(attemptsAtStop);
    expect(await metricValue('talentloop_loop_up', 'test.stop.running')).toBe(0);
    expect(() => supervisor.supervise('test.stop.late', loops.start)).toThrow(
      'cannot supervise loop test.stop.late: the supervisor stopped',
    );
  });

  it('stops a loop whose start was in flight when the supervisor stopped', async () => {
    let release!: () => void;
    const loops = new LoopFactory();
    supervisorWith().supervise('test.stop.starting', async (control) => {
      await new Promise<void>((resolve) => (release = resolve));
      return loops.start(control);
    });
    await eventually('the start in flight', () => release !== undefined);
    const stopped = supervisor.stop();
    release();
    await stopped;
    expect(loops.latest.stopCalls).toBe(1);
    expect(supervisor.status()[0].up).toBe(false);
  });

  it('keeps a read side unready until it caught up, and a restart does not make it unready again', async () => {
    const clock = new ManualClock();
    const loops = new LoopFactory();
    supervisorWith({ clock }).supervise('test.read-side', loops.start, { startsCaughtUp: false });
    await eventually('the read side up', () => supervisor.status()[0].up);
    expect(supervisor.readiness()).toEqual({
      ready: false,
      reasons: ['loop test.read-side catching up'],
    });

    const first = loops.latest;
    first.control.caughtUp();
    expect(supervisor.readiness()).toEqual({ ready: true });

    first.fail('lost its connection');
    await eventually('the second start', () => loops.started.length === 2);
    loops.latest.control.catchingUp();
    // The control of the instance that failed no longer speaks for the loop.
    first.control.caughtUp();
    expect(supervisor.status()[0]).toMatchObject({ caughtUp: true, catchingUp: true });
    expect(supervisor.readiness()).toEqual({ ready: true });
  });

  it('counts a loop that fails soon after each restart as down since its outage began', async () => {
    const clock = new ManualClock();
    const loops = new LoopFactory();
    supervisorWith({ clock, stableAfterMs: 60_000, downReadyThresholdMs: 30_000 }).supervise(
      'test.flapping',
      loops.start,
    );
    await eventually('the loop up', () => supervisor.status()[0].up);
    clock.advance(120_000);
    loops.latest.fail('the outage begins');
    await eventually('the second start', () => loops.started.length === 2);
    await eventually('the loop up again', () => supervisor.status()[0].up);

    clock.advance(20_000);
    loops.brokerDown = true;
    loops.latest.fail('fails again soon after its restart');
    await eventually('the loop down', () => !supervisor.status()[0].up);
    clock.advance(20_000);
    expect(supervisor.readiness()).toEqual({
      ready: false,
      reasons: ['loop test.flapping down for 40 s'],
    });
  });

  it('makes the service unready while a loop has been down longer than the threshold', async () => {
    const clock = new ManualClock();
    const loops = new LoopFactory();
    supervisorWith({ clock, downReadyThresholdMs: 30_000 }).supervise('test.down', loops.start);
    await eventually('the loop up', () => supervisor.status()[0].up);
    loops.brokerDown = true;
    loops.latest.fail('broker gone');
    await eventually('the loop down', () => !supervisor.status()[0].up);

    clock.advance(30_000);
    expect(supervisor.readiness()).toEqual({ ready: true });
    clock.advance(12_000);
    expect(supervisor.readiness()).toEqual({
      ready: false,
      reasons: ['loop test.down down for 42 s'],
    });
  });
});

const inARow = (line: string): number => Number(/\((\d+) in a row\)/.exec(line)?.[1]);
