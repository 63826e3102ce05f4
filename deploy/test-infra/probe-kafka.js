// Exits 0 once the broker accepts a produce request (creating the probe topic if needed).
const { Kafka, logLevel } = require('kafkajs');

const broker = process.argv[2];
const kafka = new Kafka({
  clientId: 'test-infra-probe',
  brokers: [broker],
  logLevel: logLevel.NOTHING,
  retry: { retries: 0 },
  connectionTimeout: 2000,
});

(async () => {
  const admin = kafka.admin();
  const producer = kafka.producer();
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'test-infra.probe', numPartitions: 1 }] });
    await producer.connect();
    await producer.send({ topic: 'test-infra.probe', messages: [{ value: 'ping' }] });
    process.exitCode = 0;
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
  }
})();
