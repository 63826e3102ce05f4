/**
 * `npm run kafka:acls`: grants every service's principal exactly what the service does on the
 * bus (topology/acls.ts) and prints the rules, one line each. Run it as the operator's
 * principal (KAFKA_SECURITY_PROTOCOL and KAFKA_SASL_* of a user allowed to alter ACLs), like
 * `npm run kafka:topics`. KAFKA_ACL_USERNAMES renames principals: `planning=svc-planning,…`
 * (each service's principal is named after it by default).
 */
import { ConfigError, stringOr } from '@talentloop/config';
import { describeAcl, servicesOnTheBus, talentloopAcls, type ServiceName } from '../topology/acls';
import { runKafkaCli } from './kafka-cli';

const usernamesFromEnv = (env: NodeJS.ProcessEnv): Partial<Record<ServiceName, string>> => {
  const given = stringOr(env, 'KAFKA_ACL_USERNAMES', '');
  const usernames: Partial<Record<ServiceName, string>> = {};
  for (const pair of given.split(',').filter((each) => each.trim() !== '')) {
    const [service, username] = pair.split('=').map((part) => part.trim());
    if (!service || !username || !(service in servicesOnTheBus))
      throw new ConfigError(
        'KAFKA_ACL_USERNAMES',
        `must be service=username pairs of ${Object.keys(servicesOnTheBus).join(', ')}; got '${pair}'`,
      );
    usernames[service as ServiceName] = username;
  }
  return usernames;
};

runKafkaCli(
  'kafka:acls',
  'grant the ACLs',
  (env) => talentloopAcls(usernamesFromEnv(env)),
  async (bus, rules) => {
    await bus.grantAcls(rules);
    for (const rule of rules) console.log(`allowed  ${describeAcl(rule)}`);
  },
);
