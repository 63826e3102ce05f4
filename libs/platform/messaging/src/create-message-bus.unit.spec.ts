import { messageBusConfigFromEnv } from './create-message-bus';

describe('the bus settings', () => {
  it('default to the embedded log in one file shared by the services', () => {
    expect(messageBusConfigFromEnv('planning', {})).toEqual({
      kind: 'embedded',
      path: 'data/bus.sqlite',
    });
  });

  it('choose Kafka with its brokers', () => {
    expect(
      messageBusConfigFromEnv('planning', { BUS: 'kafka', KAFKA_BROKERS: 'k1:9092,k2:9092' }),
    ).toEqual({ kind: 'kafka', brokers: ['k1:9092', 'k2:9092'], clientId: 'planning' });
  });

  it('refuse Kafka without brokers, naming the variable', () => {
    expect(() => messageBusConfigFromEnv('planning', { BUS: 'kafka' })).toThrow(
      'KAFKA_BROKERS is required when BUS=kafka',
    );
  });

  it('refuse an unknown bus', () => {
    expect(() => messageBusConfigFromEnv('planning', { BUS: 'nats' })).toThrow(
      "BUS must be one of embedded, kafka; got 'nats'",
    );
  });
});
