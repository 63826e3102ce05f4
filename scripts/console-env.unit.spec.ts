import { consoleEnv } from './service-process';

describe('the console’s environment at `npm start`', () => {
  it('given development sign-in, the console gets its port below the services and their URLs', () => {
    // Given / When
    const env = consoleEnv({ TALENTLOOP_BASE_PORT: '4001' });
    // Then
    expect(env).toMatchObject({
      AUTH_MODE: 'development',
      PORT: '4000',
      CONSOLE_PLANNING_URL: 'http://127.0.0.1:4002',
      CONSOLE_APPROVAL_URL: 'http://127.0.0.1:4003',
    });
    expect(env?.AUTH_DEV_SECRET).toEqual(expect.any(String));
  });

  it('given production sign-in without the identity provider, the console does not start', () => {
    // Given / When / Then
    expect(consoleEnv({ AUTH_MODE: 'production' })).toBeUndefined();
    const issuerOnly = { AUTH_MODE: 'production', OIDC_ISSUER: 'https://id.example' };
    expect(consoleEnv(issuerOnly)).toBeUndefined();
  });

  it('given production sign-in with the identity provider, it starts without development tokens', () => {
    // Given
    const production = {
      AUTH_MODE: 'production',
      OIDC_ISSUER: 'https://id.example',
      OIDC_CLIENT_ID: 'talentloop-console',
      CONSOLE_ANALYTICS_URL: 'http://analytics.internal:3004',
    };
    // When
    const env = consoleEnv(production);
    // Then
    expect(env).toMatchObject({ ...production, PORT: '3000' });
    expect(env).not.toHaveProperty('AUTH_DEV_SECRET');
  });
});
