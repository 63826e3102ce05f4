import { byTenant, ConfigError, integerIn, listOf, oneOf, requiredString, stringOr } from './env';

describe('reading settings from the environment', () => {
  it('takes the fallback when a variable is unset or blank', () => {
    expect(oneOf({ BUS: ' ' }, 'BUS', ['embedded', 'kafka'], 'embedded')).toBe('embedded');
    expect(stringOr({}, 'PATH_X', 'data/x.sqlite')).toBe('data/x.sqlite');
    expect(integerIn({}, 'PORT', { min: 0, max: 65535 }, 3001)).toBe(3001);
  });

  it('refuses a word outside the allowed set, naming the variable and the choices', () => {
    expect(() => oneOf({ BUS: 'rabbit' }, 'BUS', ['embedded', 'kafka'], 'embedded')).toThrow(
      new ConfigError('BUS', "must be one of embedded, kafka; got 'rabbit'"),
    );
  });

  it('refuses a number that is not whole or out of range', () => {
    expect(() => integerIn({ PORT: '70000' }, 'PORT', { min: 0, max: 65535 }, 1)).toThrow(
      /PORT must be a whole number from 0 to 65535; got '70000'/,
    );
    expect(() => integerIn({ PORT: '1.5' }, 'PORT', { min: 0, max: 65535 }, 1)).toThrow(
      ConfigError,
    );
  });

  it('requires a variable that has no default and checks its shape', () => {
    expect(() => requiredString({}, 'ESDB', 'when EVENT_STORE=esdb')).toThrow(
      'ESDB is required when EVENT_STORE=esdb',
    );
    const format = { pattern: /^esdb:\/\//, shape: 'esdb://host:2113' };
    expect(() => requiredString({ ESDB: 'http://x' }, 'ESDB', '', format)).toThrow(
      "ESDB must look like esdb://host:2113; got 'http://x'",
    );
  });

  it('splits a comma-separated list and drops empty items', () => {
    expect(listOf({ BROKERS: 'a:1, b:2,' }, 'BROKERS', 'for kafka')).toEqual(['a:1', 'b:2']);
    expect(() => listOf({ BROKERS: ' , ' }, 'BROKERS', 'for kafka')).toThrow(ConfigError);
  });

  it('reads a JSON object keyed by tenant, each value checked, and names the variable and tenant on a bad one', () => {
    const cap = (given: unknown) =>
      given === 2 || given === 3 ? given : { invalid: 'must be 2 or 3' };
    expect(byTenant({}, 'CAPS', cap)).toEqual(new Map());
    expect(byTenant({ CAPS: '{"acme":2,"globex":3}' }, 'CAPS', cap)).toEqual(
      new Map([
        ['acme', 2],
        ['globex', 3],
      ]),
    );
    expect(() => byTenant({ CAPS: '{"acme":4}' }, 'CAPS', cap)).toThrow(
      new ConfigError('CAPS', 'for acme: must be 2 or 3'),
    );
    expect(() => byTenant({ CAPS: '[2]' }, 'CAPS', cap)).toThrow(
      new ConfigError('CAPS', 'must be a JSON object keyed by tenant id'),
    );
    expect(() => byTenant({ CAPS: '{acme' }, 'CAPS', cap)).toThrow(
      new ConfigError('CAPS', 'must be JSON keyed by tenant id'),
    );
  });
});
