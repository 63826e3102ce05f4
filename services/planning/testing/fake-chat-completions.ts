import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the model answers to the next request: content (or a refusal), after a delay. */
export interface Answer {
  readonly content: string | null;
  readonly refusal?: string;
  readonly delayMs?: number;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** A local server speaking the OpenAI chat-completions protocol; never the real service. */
export class FakeChatCompletions {
  readonly requests: { path: string; body: string }[] = [];
  answer: Answer = { content: '{}' };
  private readonly server: Server = createServer((request, response) => {
    void this.respond(request, response);
  });

  static async start(): Promise<FakeChatCompletions> {
    const fake = new FakeChatCompletions();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    this.requests.push({ path: request.url ?? '', body });
    const { content, refusal = null, delayMs = 0 } = this.answer;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1_767_225_600,
        // The model asked for answers, as a real endpoint's would.
        model: (JSON.parse(body) as { model?: string }).model ?? 'unknown',
        choices: [
          { index: 0, message: { role: 'assistant', content, refusal }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
