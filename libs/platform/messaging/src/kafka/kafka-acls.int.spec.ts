import { readFileSync } from 'node:fs';
import { topicFor } from '@talentloop/contracts';
import { eventually, uniqueName } from '@talentloop/testing';
import type { BusConsumer, DeliveredMessage } from '../message-bus.port';
import { kafkaSasl, testTuning } from '../testing/kafka-test-settings';
import { consumerGroups } from '../topology/topology';
import { KafkaMessageBus } from './kafka-message-bus';
import type { KafkaSecurity } from './kafka-security';

/**
 * The production bus setting on the real broker: SASL_SSL with one SCRAM user per service and
 * the ACLs of `npm run kafka:acls` (the test broker of deploy/test-infra grants them at start).
 * A service's credentials let it do what the service does, and nothing of another context's.
 */
if (kafkaSasl.skipReason !== undefined) {
  console.warn(`Kafka SASL_SSL suite SKIPPED: ${kafkaSasl.skipReason}`);
  describe('Kafka over SASL_SSL with ACLs', () => {
    it.skip(`is skipped: ${kafkaSasl.skipReason}`, () => undefined);
  });
} else {
  const { brokers, caFile, credentialsFile } = kafkaSasl;
  const passwords = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>;
  const as = (username: string, password = passwords[username]): KafkaSecurity => ({
    protocol: 'SASL_SSL',
    mechanism: 'scram-sha-512',
    username,
    password,
    caFile,
  });
  const buses: KafkaMessageBus[] = [];
  const busAs = (username: string, password?: string) => {
    const bus = new KafkaMessageBus({
      brokers,
      clientId: username,
      security: as(username, password),
      consumer: testTuning,
    });
    buses.push(bus);
    return bus;
  };
  const message = (value: string) => [{ key: 'employee-1', headers: {}, value }];
  afterAll(() => Promise.all(buses.map((bus) => bus.close())));

  describe('Kafka over SASL_SSL with ACLs', () => {
    it("publishes to the own context's topic with the service's credentials", async () => {
      await expect(
        busAs('assessment').publish(topicFor('assessment'), message('own')),
      ).resolves.toBeUndefined();
    }, 60_000);

    it("refuses a publish to another context's topic with another service's credentials", async () => {
      // planning may write its own topic only: it cannot forge EmployeeSynced or a measurement
      const planning = busAs('planning');
      await expect(planning.publish(topicFor('identity'), message('forged'))).rejects.toMatchObject(
        { code: 'PUBLISH_FAILED', retriable: false },
      );
      await expect(planning.publish(topicFor('approval'), message('forged'))).rejects.toThrow(
        /authoriz/i,
      );
    }, 60_000);

    it('refuses a service without a topic of its own any publish (analytics)', async () => {
      await expect(
        busAs('analytics').publish(topicFor('planning'), message('forged')),
      ).rejects.toThrow(/authoriz/i);
    }, 60_000);

    it('refuses a wrong password before anything is done', async () => {
      await expect(
        busAs('planning', 'not-the-password').publish(topicFor('planning'), message('x')),
      ).rejects.toThrow(/authentication failed/i);
    }, 60_000);

    it('lets a service consume the topics its groups subscribe to, and no other group', async () => {
      // approval's group reads planning's topic: a message planning publishes arrives (an
      // instance of the group of the test's own, so no running system's consumers are joined)
      const value = uniqueName('acl-check');
      const received: DeliveredMessage[] = [];
      const consumer: BusConsumer = await busAs('approval').subscribe({
        groupId: consumerGroups.approval.groupId,
        groupInstance: uniqueName('acl-test'),
        topics: [topicFor('planning')],
        fromBeginning: false,
        handler: (delivered) => {
          if (delivered.value === value) received.push(delivered);
          return Promise.resolve();
        },
      });
      try {
        const planning = busAs('planning');
        await eventually(
          "planning's message reaches approval's group",
          async () => {
            await planning.publish(topicFor('planning'), message(value));
            return received.length > 0;
          },
          60_000,
        );
      } finally {
        await consumer.stop();
      }
      // assessment has no group: joining one of approval's is refused
      const refused = await busAs('assessment')
        .subscribe({
          groupId: consumerGroups.approval.groupId,
          groupInstance: uniqueName('acl-test'),
          topics: [topicFor('planning')],
          fromBeginning: false,
          handler: () => Promise.resolve(),
        })
        .then(
          (intruder) =>
            intruder.finished.then(
              () => 'stopped',
              (error: unknown) => error,
            ),
          (error: unknown) => error,
        );
      // (the broker answers GROUP_AUTHORIZATION_FAILED; kafkajs reports no coordinator found)
      expect(refused).toMatchObject({ code: 'CONSUMER_STOPPED' });
      expect(String((refused as Error).cause)).toMatch(/group coordinator|authoriz/i);
    }, 120_000);
  });
}
