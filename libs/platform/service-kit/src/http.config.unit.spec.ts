import { ConfigError } from '@talentloop/config';
import { httpConfigFromEnv, isExactOrigin } from './http.config';

const refusalOf = (env: NodeJS.ProcessEnv): ConfigError | undefined => {
  try {
    httpConfigFromEnv(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
};

describe('the HTTP edge settings', () => {
  describe('CORS origins', () => {
    it('given nothing set, then CORS stays closed: no origin is allowed', () =>
      expect(httpConfigFromEnv({}).corsOrigins).toEqual([]));

    it('given exact origins, comma-separated, then exactly those are allowed (once each)', () =>
      expect(
        httpConfigFromEnv({
          HTTP_CORS_ORIGINS:
            'https://app.example.com, http://localhost:5173,https://app.example.com',
        }).corsOrigins,
      ).toEqual(['https://app.example.com', 'http://localhost:5173']));

    it.each([
      '*',
      'app.example.com',
      'https://app.example.com/',
      'https://app.example.com/path',
      'https://*.example.com',
      'ftp://files.example.com',
      'https://app.example.com?x=1',
      'https://user@app.example.com',
    ])('given %j, then the service refuses to start, naming the variable', (origin) =>
      expect(refusalOf({ HTTP_CORS_ORIGINS: `https://ok.example.com,${origin}` })).toMatchObject({
        variable: 'HTTP_CORS_ORIGINS',
        message: expect.stringContaining(`got '${origin}'`) as unknown,
      }),
    );

    it('when an origin is checked, then its scheme, host and port are all it may have', () => {
      expect(isExactOrigin('https://app.example.com:8443')).toBe(true);
      expect(isExactOrigin('https://APP.example.com')).toBe(false);
    });
  });

  describe('the rate limit per caller', () => {
    it('given nothing set, then it is generous: 3000 a minute', () =>
      expect(httpConfigFromEnv({}).rateLimitPerMinute).toBe(3000));

    it('given a number, then that is the limit', () =>
      expect(httpConfigFromEnv({ HTTP_RATE_LIMIT_PER_MINUTE: '120' }).rateLimitPerMinute).toBe(
        120,
      ));

    it.each(['0', '-1', 'lots', '1.5'])('given %j, then it refuses it', (limit) =>
      expect(refusalOf({ HTTP_RATE_LIMIT_PER_MINUTE: limit })?.variable).toBe(
        'HTTP_RATE_LIMIT_PER_MINUTE',
      ),
    );
  });
});
