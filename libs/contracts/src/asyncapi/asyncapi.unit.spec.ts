import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { join } from 'node:path';
import { eventRegistry } from '../catalog';
import { isPublishedDefinition, publishedContexts } from '../event-definition';
import { topicFor } from '../topics';
import { buildAsyncApiDocument, type JsonObject } from './asyncapi';

interface Diagnostic {
  readonly severity: number;
  readonly message: string;
  readonly path: readonly (string | number)[];
}

const parse = async (document: JsonObject): Promise<Diagnostic[]> => {
  const { diagnostics } = await new Parser().parse(JSON.stringify(document));
  return diagnostics.map(({ severity, message, path }) => ({ severity, message, path }));
};

const errorSeverity = 0;

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  // Information and hints count too: on 3.0.0 the parser's only diagnostic was the information
  // that 3.1.0 is the latest version.
  it('is AsyncAPI 3.1 and draws no diagnostic from the parser, not even information', async () => {
    expect(document['asyncapi']).toBe('3.1.0');
    expect(await parse(document)).toEqual([]);
  });

  it('is rejected by the same parser when broken, so the check above has teeth', async () => {
    const broken = { ...document, channels: { assessment: { address: 5 } } };

    expect((await parse(broken)).some((diagnostic) => diagnostic.severity === errorSeverity)).toBe(
      true,
    );
  });

  it('has one channel per published context, addressed to its topic', () => {
    const channels = document['channels'] as JsonObject;

    expect(Object.keys(channels)).toEqual([...publishedContexts]);
    for (const context of publishedContexts)
      expect((channels[context] as JsonObject)['address']).toBe(topicFor(context));
  });

  it('describes every current published event as a message sent on its channel', () => {
    const published = eventRegistry
      .currentDefinitions()
      .filter(isPublishedDefinition)
      .map((definition) => definition.name)
      .sort();
    const messages = (document['components'] as JsonObject)['messages'] as JsonObject;
    const operations = Object.values(document['operations'] as JsonObject) as JsonObject[];
    const sent = operations.flatMap((operation) =>
      (operation['messages'] as JsonObject[]).map((ref) =>
        (ref['$ref'] as string).split('/').pop(),
      ),
    );

    expect(Object.keys(messages).sort()).toEqual(published);
    expect(sent.sort()).toEqual(published);
    expect(operations.every((operation) => operation['action'] === 'send')).toBe(true);
  });

  it('leaves out the internal events: no webhook subscription, no signing secret', () => {
    const messages = Object.keys((document['components'] as JsonObject)['messages'] as JsonObject);
    const channel = (document['channels'] as JsonObject)['notifications'] as JsonObject;

    expect(messages.filter((name) => name.startsWith('Webhook'))).toEqual([
      'WebhookDeliveryDeadLettered',
    ]);
    expect(messages).not.toContain('NotificationPreferenceSet');
    expect(messages).not.toContain('HrContactsSet');
    expect(Object.keys(channel['messages'] as JsonObject)).toEqual([
      'MailSent',
      'MailSuppressed',
      'MailDeadLettered',
      'WebhookDeliveryDeadLettered',
    ]);
  });

  it('is the document committed as libs/contracts/asyncapi.json, so it cannot go stale', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'asyncapi.json'), 'utf8'),
    );

    expect(committed).toEqual(document);
  });
});
