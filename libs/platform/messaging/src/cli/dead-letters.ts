/**
 * `npm run dead-letters -- <command>`: lists, shows and redrives the dead letters of the
 * declared consumer groups (consumerGroups). Reads BUS, BUS_SQLITE_PATH and KAFKA_BROKERS as
 * the services do; `npm run dead-letters` alone prints the usage.
 */
import { topicFor } from '@talentloop/contracts';
import { runDeadLettersCli } from '../dead-letters/dead-letters-cli';
import { consumerGroups } from '../topology/topology';

runDeadLettersCli(process.argv.slice(2), {
  env: process.env,
  groups: Object.values(consumerGroups).map(({ groupId, contexts }) => ({
    groupId,
    topics: contexts.map(topicFor),
  })),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('dead-letters failed', error);
    process.exitCode = 1;
  },
);
