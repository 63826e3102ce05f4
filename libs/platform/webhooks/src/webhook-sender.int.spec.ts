import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  newWebhookSecret,
  parseAllowlist,
  signDelivery,
  WEBHOOK_CONTENT_TYPE,
  type WebhookAllowlist,
} from '@talentloop/notifications-domain';
import {
  startWebhookReceiver,
  useTemporaryFolder,
  type WebhookReceiver,
} from '@talentloop/testing';
import { WEBHOOK_USER_AGENT, WebhookSender, type WebhookSenderOptions } from './webhook-sender';
import { checkWebhookTarget, type HostLookup } from './webhook-target-check';

const secret = newWebhookSecret(randomBytes(32));
const nothingAllowed = parseAllowlist('');
const loopbackAllowed = parseAllowlist('127.0.0.1');

const signed = (id: string, payload: string) =>
  signDelivery({ id, timestamp: new Date(), payload, secrets: [secret] });

const listen = async (server: Server, host = '127.0.0.1', port = 0): Promise<number> => {
  await new Promise<void>((listening) => server.listen(port, host, listening));
  return (server.address() as AddressInfo).port;
};

const shut = async (server: Server): Promise<void> => {
  server.closeAllConnections();
  await new Promise<void>((closed) => server.close(() => closed()));
};

/** Long enough for a request that was wrongly sent to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('WebhookSender against a real receiver', () => {
  let receiver: WebhookReceiver;
  const senders: WebhookSender[] = [];
  const senderWith = (options: Partial<WebhookSenderOptions> = {}) => {
    const sender = new WebhookSender({ allowlist: loopbackAllowed, ...options });
    senders.push(sender);
    return sender;
  };
  const port = () => new URL(receiver.url).port;

  beforeEach(async () => {
    receiver = await startWebhookReceiver({ secrets: [secret] });
  });
  afterEach(async () => {
    for (const sender of senders.splice(0)) sender.close();
    await receiver.close();
  });

  it('delivers a signed POST that the receiver verifies, and returns its 2xx', async () => {
    const payload = JSON.stringify({ type: 'talentloop.planning.GoalSet.v1', data: { n: 1 } });

    const attempt = await senderWith().send({
      url: `${receiver.url}hooks?tenant=t1`,
      headers: signed('msg_1', payload),
      body: payload,
    });

    expect(attempt).toEqual({
      kind: 'response',
      status: 204,
      durationMs: expect.any(Number),
      responseExcerpt: '',
    });
    const [delivery] = await receiver.waitFor((all) => all.length === 1);
    expect(delivery).toMatchObject({ id: 'msg_1', verified: true, body: JSON.parse(payload) });
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
    });
  });

  it("lets the caller's headers set the content type, whatever their case, but not the user agent", async () => {
    await senderWith().send({
      url: receiver.url,
      headers: {
        ...signed('msg_cloudevent', '{}'),
        'Content-Type': WEBHOOK_CONTENT_TYPE,
        'User-Agent': 'someone-else',
      },
      body: '{}',
    });

    expect(receiver.deliveries[0]).toMatchObject({ verified: true });
    expect(receiver.deliveries[0].headers).toMatchObject({
      'content-type': WEBHOOK_CONTENT_TYPE,
      'user-agent': WEBHOOK_USER_AGENT,
    });
  });

  it('returns 500 and 410 as responses, with the first KiB of the body', async () => {
    receiver.respondWith((_, n) =>
      n === 1 ? { status: 500, body: 'é'.repeat(3_000) } : { status: 410, body: 'gone' },
    );
    const sender = senderWith();
    const send = (id: string) =>
      sender.send({ url: receiver.url, headers: signed(id, '{}'), body: '{}' });

    const failing = await send('msg_500');
    const gone = await send('msg_410');

    // 'é' is two bytes: 512 of them fill the KiB exactly.
    expect(failing).toMatchObject({
      kind: 'response',
      status: 500,
      responseExcerpt: 'é'.repeat(512),
    });
    expect(gone).toMatchObject({ kind: 'response', status: 410, responseExcerpt: 'gone' });
  });

  it('fails with timeout when the answer takes longer than timeoutMs', async () => {
    receiver.respondWith(() => ({ status: 200, delayMs: 2_000 }));

    const attempt = await senderWith({ timeoutMs: 200 }).send({
      url: receiver.url,
      headers: signed('msg_slow', '{}'),
      body: '{}',
    });

    expect(attempt).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(attempt.kind === 'failed' && attempt.durationMs).toBeGreaterThanOrEqual(190);
    expect(attempt.kind === 'failed' && attempt.durationMs).toBeLessThan(1_500);
  });

  it('refuses a loopback or private address the allowlist does not name, and sends nothing', async () => {
    const sender = senderWith({ allowlist: nothingAllowed });
    const body = '{}';

    const attempts = await Promise.all(
      [
        `http://127.0.0.1:${port()}/`,
        `http://[::1]:${port()}/`,
        `http://10.0.0.1:${port()}/`,
        'http://169.254.169.254/',
      ].map((url) => sender.send({ url, headers: signed('msg_private', body), body })),
    );

    for (const attempt of attempts)
      expect(attempt).toMatchObject({
        kind: 'refused',
        violations: [expect.objectContaining({ code: 'WEBHOOK_TARGET_NOT_PUBLIC' })],
      });
    expect(attempts.map((attempt) => attempt.kind === 'refused' && attempt.reason)).toEqual([
      expect.stringContaining('127.0.0.1 is not a public address (loopback)'),
      expect.stringContaining('::1 is not a public address (loopback)'),
      expect.stringContaining('(private)'),
      expect.stringContaining('(metadata)'),
    ]);
    await settle();
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('refuses a URL that is no webhook URL, without resolving it', async () => {
    const lookup = jest.fn(() => Promise.resolve([{ address: '127.0.0.1', family: 4 }]));

    const attempt = await senderWith({ lookup }).send({
      url: `ftp://user:pw@localhost:${port()}/`,
      headers: {},
      body: '{}',
    });

    expect(attempt).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('only https: and http:'),
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a host name that resolves to loopback (localhost) unless the name is allowlisted', async () => {
    const url = `http://localhost:${port()}/`;
    const send = (allowlist: WebhookAllowlist) =>
      senderWith({ allowlist }).send({ url, headers: signed('msg_localhost', '{}'), body: '{}' });

    const refused = await send(nothingAllowed);
    await settle();
    expect(receiver.deliveries).toHaveLength(0);
    const allowed = await send(parseAllowlist('LOCALHOST'));

    expect(refused).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('host localhost resolves to 127.0.0.1'),
    });
    expect(allowed).toMatchObject({ kind: 'response', status: 204 });
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('connects to the address it checked, not to a later DNS answer (rebinding)', async () => {
    // The check is told 127.0.0.1 (the receiver, allowlisted: it stands for a public address);
    // every later answer is 127.0.0.2, loopback and not allowlisted: an internal service
    // listens there on the receiver's port. A client that resolves again to connect reaches it.
    const internalRequests: string[] = [];
    const internal = createServer((incoming, response) => {
      internalRequests.push(incoming.url ?? '');
      incoming.resume();
      response.end();
    });
    await listen(internal, '127.0.0.2', Number(port()));
    try {
      let answers = 0;
      const rebinding = (): Promise<LookupAddress[]> =>
        Promise.resolve([{ address: answers++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }]);
      const url = `http://hooks.rebind.test:${port()}/`;
      const sender = senderWith({ lookup: rebinding });

      const attempt = await sender.send({ url, headers: signed('msg_rebind', '{}'), body: '{}' });

      expect(attempt).toMatchObject({ kind: 'response', status: 204 });
      expect(receiver.deliveries.map(({ id }) => id)).toEqual(['msg_rebind']);
      expect(internalRequests).toEqual([]);
      expect(answers).toBe(1);

      // The next attempt checks again: the new answer is refused before anything is sent.
      const next = await sender.send({ url, headers: signed('msg_rebind_2', '{}'), body: '{}' });
      expect(next).toMatchObject({
        kind: 'refused',
        reason: expect.stringContaining('resolves to 127.0.0.2'),
      });

      // Control: the internal service is there, and a client asking DNS at connect time gets it.
      await new Promise<void>((done, failed) =>
        request(url, {
          method: 'POST',
          lookup: (_host, options, callback) =>
            void rebinding().then((addresses) =>
              options.all
                ? callback(null, addresses)
                : callback(null, addresses[0].address, addresses[0].family),
            ),
        })
          .on('response', (response) => response.resume().on('end', done))
          .on('error', failed)
          .end(),
      );
      expect(internalRequests).toEqual(['/']);
      expect(receiver.deliveries).toHaveLength(1);
    } finally {
      await shut(internal);
    }
  });

  it('reads at most maxResponseBytes of an endless body and answers with its status', async () => {
    let bytesWritten = 0;
    const endless = createServer((incoming, response) => {
      incoming.resume();
      response.writeHead(200, { 'content-type': 'text/plain' });
      const pump = () => {
        // Writes until the sender closes the socket; the body never ends.
        while (!response.destroyed && response.write(Buffer.alloc(16 * 1024, 'x')))
          bytesWritten += 16 * 1024;
        if (!response.destroyed && bytesWritten < 64 * 1024 * 1024) response.once('drain', pump);
      };
      pump();
    });
    const endlessPort = await listen(endless);
    try {
      const attempt = await senderWith({ maxResponseBytes: 64 * 1024, timeoutMs: 10_000 }).send({
        url: `http://127.0.0.1:${endlessPort}/`,
        headers: signed('msg_huge', '{}'),
        body: '{}',
      });

      expect(attempt).toMatchObject({
        kind: 'response',
        status: 200,
        responseExcerpt: 'x'.repeat(1_024),
      });
      expect(attempt.kind === 'response' && attempt.durationMs).toBeLessThan(2_000);
      expect(bytesWritten).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await shut(endless);
    }
  });

  it('does not follow a redirect: a 3xx is the response', async () => {
    const elsewhere = await startWebhookReceiver({ secrets: [secret] });
    try {
      receiver.respondWith(() => ({ status: 307, headers: { location: elsewhere.url } }));

      const attempt = await senderWith().send({
        url: receiver.url,
        headers: signed('msg_redirect', '{}'),
        body: '{}',
      });

      expect(attempt).toMatchObject({ kind: 'response', status: 307 });
      await settle();
      expect(elsewhere.deliveries).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('fails with dns when the host does not resolve, and connection when nothing listens', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.invalid'), {
      code: 'ENOTFOUND',
    });
    const closed = createServer();
    const closedPort = await listen(closed);
    await shut(closed);
    const sender = senderWith({ lookup: () => Promise.reject(notFound) });

    const unresolved = await sender.send({
      url: 'https://hooks.example.invalid/',
      headers: {},
      body: '{}',
    });
    const refused = await sender.send({
      url: `http://127.0.0.1:${closedPort}/`,
      headers: {},
      body: '{}',
    });

    expect(unresolved).toMatchObject({ kind: 'failed', reason: 'dns', detail: notFound.message });
    expect(refused).toMatchObject({
      kind: 'failed',
      reason: 'connection',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('keeps sockets alive: many deliveries share at most maxSocketsPerOrigin connections', async () => {
    let connections = 0;
    const counting = createServer((incoming, response) => {
      incoming.resume();
      incoming.on('end', () => response.writeHead(204).end());
    });
    counting.on('connection', () => connections++);
    const countingPort = await listen(counting);
    try {
      const sender = senderWith({ maxSocketsPerOrigin: 4 });
      const url = `http://127.0.0.1:${countingPort}/`;

      const attempts = await Promise.all(
        Array.from({ length: 400 }, (_, i) =>
          sender.send({ url, headers: signed(`msg_${i}`, '{}'), body: '{}' }),
        ),
      );

      expect(
        attempts.every((attempt) => attempt.kind === 'response' && attempt.status === 204),
      ).toBe(true);
      expect(connections).toBeLessThanOrEqual(4);
    } finally {
      await shut(counting);
    }
  });
});

describe('WebhookSender over TLS', () => {
  const folder = useTemporaryFolder('webhook-tls');

  it('checks the certificate, with SNI, against the host name while connecting to the checked address', async () => {
    const key = join(folder(), 'key.pem');
    const cert = join(folder(), 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=hooks.tls.test',
        '-addext',
        'subjectAltName=DNS:hooks.tls.test',
      ],
      { stdio: 'ignore' },
    );
    const serverNames: string[] = [];
    let requests = 0;
    const server = createTlsServer(
      {
        key: readFileSync(key),
        cert: readFileSync(cert),
        SNICallback: (name, use) => {
          serverNames.push(name);
          use(null);
        },
      },
      (incoming, response) => {
        requests++;
        incoming.resume();
        response.end();
      },
    );
    server.on('tlsClientError', () => undefined);
    const tlsPort = await listen(server);
    const sender = new WebhookSender({
      allowlist: loopbackAllowed,
      lookup: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    });
    try {
      const attempt = await sender.send({
        url: `https://hooks.tls.test:${tlsPort}/`,
        headers: signed('msg_tls', '{}'),
        body: '{}',
      });

      // Self-signed: the certificate check is on, and it refused before a request was sent.
      expect(attempt).toMatchObject({
        kind: 'failed',
        reason: 'tls',
        detail: expect.stringContaining('self-signed'),
      });
      expect(requests).toBe(0);
      expect(serverNames).toEqual(['hooks.tls.test']);
    } finally {
      sender.close();
      await shut(server);
    }
  });
});

describe('checkWebhookTarget', () => {
  const notFound = () => Promise.reject(new Error('getaddrinfo ENOTFOUND'));
  const publicAnswer = () => Promise.resolve([{ address: '93.184.215.14', family: 4 }]);

  it('passes a host that resolves to public addresses only, or an allowlisted one', async () => {
    expect(
      await checkWebhookTarget('https://hooks.example.com/', nothingAllowed, publicAnswer),
    ).toEqual([]);
    expect(await checkWebhookTarget('http://localhost:8080/', parseAllowlist('localhost'))).toEqual(
      [],
    );
  });

  it('refuses a loopback host, one that does not resolve, and a URL that breaks the rules', async () => {
    const codes = async (url: string, lookup?: HostLookup) =>
      (await checkWebhookTarget(url, nothingAllowed, lookup)).map(({ code }) => code);

    expect(await codes('http://localhost:8080/')).toEqual(['WEBHOOK_TARGET_NOT_PUBLIC']);
    expect(await codes('http://[::1]/')).toEqual(['WEBHOOK_TARGET_NOT_PUBLIC']);
    expect(await codes('https://hooks.example.invalid/', notFound)).toEqual([
      'WEBHOOK_TARGET_UNRESOLVED',
    ]);
    expect(await codes('https://hooks.example.com/#x', publicAnswer)).toEqual([
      'WEBHOOK_URL_WITH_FRAGMENT',
    ]);
  });
});
