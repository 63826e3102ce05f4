import { parseAllowlist } from '@talentloop/notifications-domain';
import { connectionFailureOf } from './webhook-attempt';
import { WebhookSender } from './webhook-sender';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('connectionFailureOf', () => {
  it.each([
    ['ECONNREFUSED', 'connection'],
    ['ECONNRESET', 'connection'],
    ['EHOSTUNREACH', 'connection'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['HPE_INVALID_CONSTANT', 'protocol'],
  ])('names %s a %s failure', (code, reason) => {
    expect(connectionFailureOf(withCode(code))).toBe(reason);
  });

  it('names an error without a code a connection failure', () => {
    expect(connectionFailureOf(new Error('socket hang up'))).toBe('connection');
    expect(connectionFailureOf(undefined)).toBe('connection');
  });
});

describe('WebhookSender options', () => {
  const allowlist = parseAllowlist('');

  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ maxSocketsPerOrigin: 1.5 }, 'maxSocketsPerOrigin'],
    [{ maxResponseBytes: -1 }, 'maxResponseBytes'],
  ])('refuses %p', (options, name) => {
    expect(() => new WebhookSender({ allowlist, ...options })).toThrow(RangeError);
    expect(() => new WebhookSender({ allowlist, ...options })).toThrow(name);
  });

  it('fails every attempt once closed, without resolving', async () => {
    const lookup = jest.fn(() => Promise.resolve([]));
    const sender = new WebhookSender({ allowlist, lookup });
    sender.close();

    const attempt = await sender.send({ url: 'https://hooks.example.com/', headers: {}, body: '' });

    expect(attempt).toMatchObject({ kind: 'failed', reason: 'connection' });
    expect(lookup).not.toHaveBeenCalled();
  });
});
