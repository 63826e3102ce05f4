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
    ).toEqual({
      kind: 'kafka',
      brokers: ['k1:9092', 'k2:9092'],
      clientId: 'planning',
      security: { protocol: 'PLAINTEXT' },
    });
  });

  it("sign in over SASL_SSL as the service's own SCRAM user, trusting the CA file given", () => {
    expect(
      messageBusConfigFromEnv('planning', {
        BUS: 'kafka',
        KAFKA_BROKERS: 'k1:9093',
        KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
        KAFKA_SASL_USERNAME: 'planning',
        KAFKA_SASL_PASSWORD: 'secret',
        KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      }),
    ).toMatchObject({
      security: {
        protocol: 'SASL_SSL',
        mechanism: 'scram-sha-512',
        username: 'planning',
        password: 'secret',
        caFile: '/etc/kafka/ca.pem',
      },
    });
  });

  it('refuse SASL_SSL without a user and password, or with a mechanism it has not', () => {
    const sasl = { BUS: 'kafka', KAFKA_BROKERS: 'k1:9093', KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' };
    expect(() => messageBusConfigFromEnv('planning', sasl)).toThrow(
      'KAFKA_SASL_USERNAME is required when KAFKA_SECURITY_PROTOCOL=SASL_SSL',
    );
    expect(() =>
      messageBusConfigFromEnv('planning', { ...sasl, KAFKA_SASL_USERNAME: 'planning' }),
    ).toThrow('KAFKA_SASL_PASSWORD is required when KAFKA_SECURITY_PROTOCOL=SASL_SSL');
    expect(() =>
      messageBusConfigFromEnv('planning', {
        ...sasl,
        KAFKA_SASL_USERNAME: 'planning',
        KAFKA_SASL_PASSWORD: 'secret',
        KAFKA_SASL_MECHANISM: 'PLAIN',
      }),
    ).toThrow("KAFKA_SASL_MECHANISM must be one of SCRAM-SHA-512, SCRAM-SHA-256; got 'PLAIN'");
    expect(() =>
      messageBusConfigFromEnv('planning', { ...sasl, KAFKA_SECURITY_PROTOCOL: 'SSL' }),
    ).toThrow("KAFKA_SECURITY_PROTOCOL must be one of PLAINTEXT, SASL_SSL; got 'SSL'");
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
