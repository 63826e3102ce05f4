import { RunningSystem, services } from './testing/running-system';

describe('npm start on the embedded default', () => {
  let system: RunningSystem;

  beforeAll(() => {
    system = new RunningSystem();
  });

  afterAll(() => system.dispose());

  it('starts the five services as separate processes, each ready on its own port', async () => {
    const readiness = await Promise.all(
      (await system.ready()).map(
        async (response) =>
          (await response.json()) as {
            service: string;
            info: Record<'eventStore' | 'bus', { status: string }>;
          },
      ),
    );
    expect(readiness.map((ready) => ready.service)).toEqual(services);
    for (const ready of readiness)
      expect([ready.info.eventStore.status, ready.info.bus.status]).toEqual(['up', 'up']);
    for (const service of services) {
      expect(system.output).toContain(`[${service}]`);
      expect(system.output).toContain(`listening on ${system.url(service, '')}`);
    }
  }, 90_000);

  it('serves an OpenAPI document per service to a caller with a development token of its data folder', async () => {
    const authorization = await system.bearer({ tenantId: 'acme', userId: 'dev-1', roles: ['hr'] });
    for (const service of services) {
      const anonymous = await fetch(system.url(service, '/docs/openapi.json'));
      expect(anonymous.status).toBe(401);
      const response = await fetch(system.url(service, '/docs/openapi.json'), {
        headers: { authorization },
      });
      expect(response.status).toBe(200);
    }
  });

  it('stops every service cleanly on Ctrl-C', async () => {
    expect(await system.interrupt()).toBe(0);
    for (const service of services)
      await expect(fetch(system.url(service, '/health/live'))).rejects.toThrow();
  }, 30_000);
});
