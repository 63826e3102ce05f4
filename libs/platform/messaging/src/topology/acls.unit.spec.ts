import {
  boundedContexts,
  deadLetterTopicFor,
  isPublishedContext,
  publishedContexts,
  topicFor,
} from '@talentloop/contracts';
import { describeAcl, servicesOnTheBus, talentloopAcls, type AclRule } from './acls';
import { talentloopTopology } from './topology';

const rulesOf = (rules: readonly AclRule[], principal: string) =>
  rules.filter((rule) => rule.principal === principal);
const topicsWith = (rules: readonly AclRule[], operation: AclRule['operation']) =>
  rules
    .filter((rule) => rule.resource === 'topic' && rule.operation === operation)
    .map((rule) => rule.name)
    .sort();

describe("the bus's ACLs, one principal per service", () => {
  const rules = talentloopAcls();

  it("given every published context's topic, only the service publishing that context writes it", () => {
    for (const context of publishedContexts) {
      const writers = rules
        .filter((rule) => rule.operation === 'write' && rule.name === topicFor(context))
        .map((rule) => rule.principal);
      const owner = Object.entries(servicesOnTheBus).find(([, service]) =>
        (service.publishes as readonly string[]).includes(context),
      )?.[0];
      expect(writers).toEqual([`User:${owner}`]);
    }
  });

  it('given every context published, each service writes its own topics and no other', () => {
    expect(boundedContexts.filter((context) => !isPublishedContext(context))).toEqual([]);
    expect(topicsWith(rulesOf(rules, 'User:notifications'), 'write')).toEqual([
      topicFor('notifications'),
    ]);
  });

  it('given its consumer groups, a service reads exactly the topics they subscribe to', () => {
    // approval's groups: approval (planning, assessment), approval.read-side (+ identity)
    const sources = ['planning', 'assessment', 'identity'] as const;
    expect(topicsWith(rulesOf(rules, 'User:approval'), 'read')).toEqual(
      [
        ...sources.map((context) => topicFor(context)),
        ...(['planning', 'assessment'] as const).map((context) =>
          deadLetterTopicFor(topicFor(context), 'approval'),
        ),
        ...sources.map((context) => deadLetterTopicFor(topicFor(context), 'approval.read-side')),
      ].sort(),
    );
    // assessment, analytics and notifications subscribe to nothing: no topic read, no group
    for (const service of ['assessment', 'analytics', 'notifications'])
      expect(
        rulesOf(rules, `User:${service}`).filter(
          (rule) => rule.operation === 'read' || rule.resource === 'group',
        ),
      ).toEqual([]);
  });

  it("a dead-letter topic is written only by its group's service, and every declared one is", () => {
    const deadLetterTopics = talentloopTopology()
      .topics.map(({ topic }) => topic)
      .filter((topic) => topic.includes('.dlt.'));
    for (const topic of deadLetterTopics) {
      const writers = rules
        .filter((rule) => rule.operation === 'write' && rule.name === topic)
        .map((rule) => rule.principal);
      const group = topic.slice(topic.indexOf('.dlt.') + '.dlt.'.length);
      expect(writers).toEqual([`User:${group.split('.')[0]}`]);
    }
  });

  it('grants no write or read by prefix: only describing the topics and its own groups', () => {
    const prefixed = rules.filter((rule) => rule.pattern === 'prefixed');
    expect(prefixed.map(describeAcl).sort()).toEqual(
      [
        'User:analytics describe topic talentloop.*',
        'User:approval describe topic talentloop.*',
        'User:approval read group approval*',
        'User:assessment describe topic talentloop.*',
        'User:notifications describe topic talentloop.*',
        'User:planning describe topic talentloop.*',
        'User:planning read group planning*',
      ].sort(),
    );
  });

  it('names a principal as the operator says, each rule once', () => {
    const renamed = talentloopAcls({ planning: 'svc-planning' });
    expect(rulesOf(renamed, 'User:planning')).toEqual([]);
    expect(rulesOf(renamed, 'User:svc-planning').length).toBe(
      rulesOf(rules, 'User:planning').length,
    );
    expect(new Set(rules.map(describeAcl)).size).toBe(rules.length);
  });
});
