import type { Admin } from 'kafkajs';
import type { AclRule } from '../topology/acls';
import { kafkaJs } from './kafka-driver';

/** The kafkajs form of a rule: ALLOW from any host. */
const kafkaAclOf = (rule: AclRule) => {
  const { AclResourceTypes, ResourcePatternTypes, AclOperationTypes, AclPermissionTypes } =
    kafkaJs();
  return {
    resourceType: rule.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: rule.name,
    resourcePatternType:
      rule.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    principal: rule.principal,
    host: '*',
    operation:
      rule.operation === 'read'
        ? AclOperationTypes.READ
        : rule.operation === 'write'
          ? AclOperationTypes.WRITE
          : AclOperationTypes.DESCRIBE,
    permissionType: AclPermissionTypes.ALLOW,
  };
};

/**
 * Grants the rules (creating an ACL the broker holds already changes nothing, so this can run
 * at every deployment). Needs a principal allowed to alter the cluster's ACLs.
 */
export const grantKafkaAcls = async (admin: Admin, rules: readonly AclRule[]): Promise<void> => {
  if (rules.length > 0) await admin.createAcls({ acl: rules.map(kafkaAclOf) });
};
