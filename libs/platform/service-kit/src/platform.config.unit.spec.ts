import { ConfigError } from '@talentloop/config';
import {
  idleCompactionFromEnv,
  loopDownReadyThresholdMsFromEnv,
  loopRestartBackoffFromEnv,
  platformConfigFromEnv,
} from './platform.config';

const service = { name: 'probe', defaultPort: 3000 };
const development = {
  AUTH_MODE: 'development',
  AUTH_DEV_SECRET: 'a-development-secret-of-32-chars!',
};

describe('the supervision settings of the platform', () => {
  it('lets a loop be down 30 s before the service is unready when LOOP_DOWN_READY_THRESHOLD_MS is unset', () =>
    expect(platformConfigFromEnv(service, development).loopDownReadyThresholdMs).toBe(30_000));

  it('takes LOOP_DOWN_READY_THRESHOLD_MS in milliseconds', () =>
    expect(loopDownReadyThresholdMsFromEnv({ LOOP_DOWN_READY_THRESHOLD_MS: '5000' })).toBe(5_000));

  it('restarts a failed loop after up to 250 ms, doubling to 30 s, when LOOP_RESTART_MAX_BACKOFF_MS is unset', () =>
    expect(platformConfigFromEnv(service, development).loopRestartBackoff).toEqual({
      initialMs: 250,
      maxMs: 30_000,
    }));

  it('takes LOOP_RESTART_MAX_BACKOFF_MS as the ceiling, and as the first wait when smaller', () => {
    expect(loopRestartBackoffFromEnv({ LOOP_RESTART_MAX_BACKOFF_MS: '5000' })).toEqual({
      initialMs: 250,
      maxMs: 5_000,
    });
    expect(loopRestartBackoffFromEnv({ LOOP_RESTART_MAX_BACKOFF_MS: '100' })).toEqual({
      initialMs: 100,
      maxMs: 100,
    });
  });

  it('refuses a backoff ceiling below 10 ms, naming the variable', () =>
    expect(() => loopRestartBackoffFromEnv({ LOOP_RESTART_MAX_BACKOFF_MS: '0' })).toThrow(
      new ConfigError(
        'LOOP_RESTART_MAX_BACKOFF_MS',
        "must be a whole number from 10 to 3600000; got '0'",
      ),
    ));

  it('compacts the heap after 2 s idle, at most once a minute, when HEAP_COMPACT_IDLE_MS is unset; 0 turns it off', () => {
    expect(idleCompactionFromEnv({})).toEqual({
      idleMs: 2_000,
      minIntervalMs: 60_000,
      announcedMinIntervalMs: 10_000,
    });
    expect(idleCompactionFromEnv({ HEAP_COMPACT_IDLE_MS: '0' }).idleMs).toBe(0);
    expect(() => idleCompactionFromEnv({ HEAP_COMPACT_IDLE_MS: '-1' })).toThrow(
      new ConfigError('HEAP_COMPACT_IDLE_MS', "must be a whole number from 0 to 3600000; got '-1'"),
    );
  });

  it('refuses a threshold that is not a whole number of milliseconds, naming the variable', () =>
    expect(() =>
      platformConfigFromEnv(service, { ...development, LOOP_DOWN_READY_THRESHOLD_MS: '30s' }),
    ).toThrow(
      new ConfigError(
        'LOOP_DOWN_READY_THRESHOLD_MS',
        "must be a whole number from 0 to 3600000; got '30s'",
      ),
    ));
});

describe('the HTTP edge settings of the platform', () => {
  it('keeps CORS closed and limits each caller to 3000 requests a minute when nothing is set', () =>
    expect(platformConfigFromEnv(service, development).http).toEqual({
      corsOrigins: [],
      rateLimitPerMinute: 3000,
    }));

  it('refuses to start on a malformed CORS origin, naming the variable', () =>
    expect(() =>
      platformConfigFromEnv(service, { ...development, HTTP_CORS_ORIGINS: 'https://app/x' }),
    ).toThrow(/^HTTP_CORS_ORIGINS must list exact origins like https:\/\/app\.example\.com/));
});
