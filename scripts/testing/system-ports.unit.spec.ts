import { basePortAvoiding, MAX_INSTANCES, portsOf, reservedPorts } from './system-ports';

/** Draws the given values in turn (the last one again when they run out). */
const draws = (...values: number[]) => {
  let next = 0;
  return () => values[Math.min(next++, values.length - 1)];
};

/** The random value that draws base port `base` (see basePortAvoiding): five services. */
const drawing = (base: number) => (base - 20_001 + 0.5) / (12_000 - (1 + 5 * MAX_INSTANCES));

describe('the ports of a system under test', () => {
  it('given the test infrastructure in the environment, when its ports are read, then every local one is found', () => {
    // given
    const env = {
      MONGODB_URI: 'mongodb://127.0.0.1:27027/',
      KAFKA_BROKERS: '127.0.0.1:19092',
      KAFKA_SASL_BROKERS: 'localhost:19094,127.0.0.1:19095',
      AUTH_ISSUER: 'https://idp.example.com:8443/realms/x',
      HOME: '/root',
    };
    // when
    const ports = reservedPorts(env);
    // then
    expect([...ports].sort()).toEqual([19092, 19094, 19095, 27027]);
  });

  it('given a base port, when its ports are listed, then they are the console and three blocks of five', () => {
    // given / when
    const ports = portsOf(25_000);
    // then: the console on base - 1, each instance's five services after it
    expect(ports).toEqual(Array.from({ length: 1 + 5 * MAX_INSTANCES }, (_, i) => 24_999 + i));
  });

  it('given a draw whose ports would hold FerretDB, when a base port is drawn, then the next draw is taken', () => {
    // given: a first draw on 27023 (ports 27022 to 27037 hold 27027), then one on 25000
    const random = draws(drawing(27_023), drawing(25_000));
    // when
    const base = basePortAvoiding(new Set([27_027]), random);
    // then
    expect(base).toBe(25_000);
    expect(portsOf(base)).not.toContain(27_027);
  });

  it('given a draw whose console port is the reserved one, when a base port is drawn, then the next clear draw is taken', () => {
    // given: 27028 would put the console (base - 1) on 27027; 27029 is clear
    const random = draws(drawing(27_028), drawing(27_029));
    // when
    const base = basePortAvoiding(new Set([27_027]), random);
    // then
    expect(base).toBe(27_029);
    expect(portsOf(base)[0]).toBe(27_028);
  });

  it('given every draw hitting a reserved port, when a base port is drawn, then it says so', () => {
    // given
    const random = draws(drawing(27_023));
    // when / then
    expect(() => basePortAvoiding(new Set([27_027]), random)).toThrow(/27027/);
  });

  it('given real draws, when many bases are drawn, then all stay below the ephemeral range', () => {
    // given / when
    const bases = Array.from({ length: 1_000 }, () => basePortAvoiding(new Set([27_027])));
    // then
    for (const base of bases) {
      const ports = portsOf(base);
      expect(ports[0]).toBeGreaterThanOrEqual(20_000);
      expect(ports.at(-1)!).toBeLessThan(32_000);
      expect(ports).not.toContain(27_027);
    }
  });
});
