import {
  classifyAddress,
  guardTarget,
  MAX_WEBHOOK_URL_LENGTH,
  parseAllowlist,
  parseWebhookUrl,
  type AddressClass,
  type WebhookAllowlist,
} from './webhook-target';

const givenUrl = (text: string) => ({
  whenParsed: () => {
    const parsed = parseWebhookUrl(text);
    const codes = parsed.ok ? [] : parsed.violations.map(({ code }) => code);
    return {
      thenHost: (host: string) => expect(parsed.ok && parsed.url.hostname).toBe(host),
      thenRefusedWith: (...expected: string[]) => expect(codes).toEqual(expected),
      thenRefusedFor: (code: string) => expect(codes).toContain(code),
    };
  },
});

describe('a webhook URL', () => {
  it('is accepted with https or http and a host', () => {
    givenUrl('https://hooks.example.com/talentloop?tenant=acme')
      .whenParsed()
      .thenHost('hooks.example.com');
    givenUrl('http://hooks.example.com:8080/in').whenParsed().thenHost('hooks.example.com');
  });

  it.each(['ftp://hooks.example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://x/'])(
    'is refused with another scheme: %s',
    (text) => givenUrl(text).whenParsed().thenRefusedFor('WEBHOOK_URL_SCHEME_NOT_ALLOWED'),
  );

  it('is refused without a host', () =>
    givenUrl('file:///etc/passwd')
      .whenParsed()
      .thenRefusedWith('WEBHOOK_URL_SCHEME_NOT_ALLOWED', 'WEBHOOK_URL_WITHOUT_HOST'));

  it('is refused when it is no absolute URL', () =>
    givenUrl('/hooks/in').whenParsed().thenRefusedWith('WEBHOOK_URL_MALFORMED'));

  it('is refused past 2,048 characters, before it is parsed', () =>
    givenUrl(`https://hooks.example.com/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`)
      .whenParsed()
      .thenRefusedWith('WEBHOOK_URL_TOO_LONG'));

  it('is accepted at exactly 2,048 characters', () => {
    const base = 'https://hooks.example.com/';
    givenUrl(`${base}${'a'.repeat(MAX_WEBHOOK_URL_LENGTH - base.length)}`)
      .whenParsed()
      .thenHost('hooks.example.com');
  });

  it('is refused with a user name or password in it', () => {
    givenUrl('https://user:secret@hooks.example.com/')
      .whenParsed()
      .thenRefusedWith('WEBHOOK_URL_WITH_CREDENTIALS');
    givenUrl('https://user@hooks.example.com/')
      .whenParsed()
      .thenRefusedWith('WEBHOOK_URL_WITH_CREDENTIALS');
  });

  it('is refused with a fragment, even an empty one', () => {
    givenUrl('https://hooks.example.com/in#part')
      .whenParsed()
      .thenRefusedWith('WEBHOOK_URL_WITH_FRAGMENT');
    givenUrl('https://hooks.example.com/in#')
      .whenParsed()
      .thenRefusedWith('WEBHOOK_URL_WITH_FRAGMENT');
  });

  it('names every broken rule at once', () =>
    givenUrl('ftp://user@hooks.example.com/#x')
      .whenParsed()
      .thenRefusedWith(
        'WEBHOOK_URL_SCHEME_NOT_ALLOWED',
        'WEBHOOK_URL_WITH_CREDENTIALS',
        'WEBHOOK_URL_WITH_FRAGMENT',
      ));

  it.each([
    ['http://127.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://LOCALHOST./', 'localhost.'],
  ])('gives the host the HTTP client will call: %s is %s', (text, host) =>
    givenUrl(text).whenParsed().thenHost(host),
  );
});

describe('the class of an address', () => {
  it.each<[string, AddressClass]>([
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['100::1', 'reserved'],
  ])('reads %s as %s', (address, expected) => expect(classifyAddress(address)).toBe(expected));

  it.each<[string, AddressClass]>([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::808:808', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:808:808::1', 'public'],
  ])('reads an IPv6 address that carries an IPv4 one as that one: %s is %s', (address, expected) =>
    expect(classifyAddress(address)).toBe(expected),
  );

  it('refuses to classify what is no IP address', () =>
    expect(() => classifyAddress('localhost')).toThrow(RangeError));
});

describe('the operator allowlist', () => {
  it('reads host names, addresses and CIDR ranges, trimmed', () =>
    expect(
      parseAllowlist(' Hooks.Internal.example , 10.20.0.0/16,fd12::/64, 192.168.1.5 ,[::1]'),
    ).toEqual({
      hosts: ['hooks.internal.example'],
      ranges: [
        { address: '10.20.0.0', prefix: 16, family: 'ipv4' },
        { address: 'fd12::', prefix: 64, family: 'ipv6' },
        { address: '192.168.1.5', prefix: 32, family: 'ipv4' },
        { address: '::1', prefix: 128, family: 'ipv6' },
      ],
    }));

  it('is empty when not configured', () => {
    expect(parseAllowlist(undefined)).toEqual({ hosts: [], ranges: [] });
    expect(parseAllowlist(' , ')).toEqual({ hosts: [], ranges: [] });
  });

  it.each([
    '10.0.0.0/33',
    'fd12::/129',
    '10.0.0.0/8/8',
    '10.0.0',
    '127.1',
    'hooks example',
    'http://hooks.example.com',
    '*.example.com',
    '10.0.0.0/-1',
  ])('refuses the configuration with an invalid entry: %s', (entry) =>
    expect(() => parseAllowlist(`hooks.example.com,${entry}`)).toThrow(
      `webhook allowlist entry ${JSON.stringify(entry)} is neither`,
    ),
  );
});

const givenHost = (host: string, ...addresses: string[]) => ({
  whenGuarded: (allowlist: WebhookAllowlist = parseAllowlist(undefined)) => {
    const violations = guardTarget({ host, addresses, allowlist });
    return {
      thenAllowed: () => expect(violations).toEqual([]),
      thenRefused: (...messages: string[]) => {
        expect(violations.map(({ field, code }) => `${field} ${code}`)).toEqual(
          messages.map(() => 'url WEBHOOK_TARGET_NOT_PUBLIC'),
        );
        messages.forEach((message, index) => expect(violations[index]?.message).toContain(message));
      },
      thenRefusedWith: (code: string) => expect(violations.map((v) => v.code)).toEqual([code]),
    };
  },
});

describe('a target host that resolves to public addresses only', () => {
  it('may be called', () =>
    givenHost('hooks.example.com', '93.184.216.34', '2606:2800:220:1::1')
      .whenGuarded()
      .thenAllowed());
});

describe('a target host that resolves to a non-public address', () => {
  it('is refused, naming the address and its class', () =>
    givenHost('hooks.example.com', '93.184.216.34', '10.0.0.7')
      .whenGuarded()
      .thenRefused('host hooks.example.com resolves to 10.0.0.7, not a public address (private)'));

  it('is refused for every such address', () =>
    givenHost('evil.example.com', '127.0.0.1', '::1')
      .whenGuarded()
      .thenRefused(
        '127.0.0.1, not a public address (loopback)',
        '::1, not a public address (loopback)',
      ));

  it('is refused when it resolves to an IPv4-mapped loopback address', () =>
    givenHost('evil.example.com', '::ffff:127.0.0.1').whenGuarded().thenRefused('(loopback)'));

  it('is refused when it resolves to the cloud metadata address', () =>
    givenHost('evil.example.com', '169.254.169.254').whenGuarded().thenRefused('(metadata)'));

  it.each([
    [
      'its name, in any case and with a trailing dot',
      'Hooks.Internal.Example.',
      ['10.0.0.7'],
      'hooks.internal.example',
    ],
    [
      'a range holding the address',
      'hooks.example.com',
      ['10.20.3.4', '93.184.216.34'],
      '10.20.0.0/16',
    ],
    [
      'an IPv4 range holding the IPv4-mapped address',
      'hooks.example.com',
      ['::ffff:10.20.3.4'],
      '10.20.0.0/16',
    ],
  ])('may be called when the allowlist names %s', (_, host, addresses, allowlist) =>
    givenHost(host, ...addresses)
      .whenGuarded(parseAllowlist(allowlist))
      .thenAllowed(),
  );

  it('is refused for the address outside the allowlisted range', () =>
    givenHost('hooks.example.com', '10.20.3.4', '10.21.0.1')
      .whenGuarded(parseAllowlist('10.20.0.0/16'))
      .thenRefused('10.21.0.1, not a public address (private)'));

  it('is not allowed by another host name on the allowlist', () =>
    givenHost('hooks.example.com.evil.example', '10.0.0.7')
      .whenGuarded(parseAllowlist('hooks.example.com'))
      .thenRefusedWith('WEBHOOK_TARGET_NOT_PUBLIC'));
});

describe('a target host that resolves to nothing', () => {
  it('is refused: there is nothing safe to call', () =>
    givenHost('nowhere.example.com').whenGuarded().thenRefusedWith('WEBHOOK_TARGET_UNRESOLVED'));

  it('is refused when the resolver gave something that is no address', () =>
    givenHost('odd.example.com', 'not-an-ip')
      .whenGuarded()
      .thenRefusedWith('WEBHOOK_TARGET_ADDRESS_INVALID'));
});

describe('a literal address as the target host', () => {
  const hostOf = (text: string) => (parseWebhookUrl(text) as { url: URL }).url.hostname;

  it.each([
    ['http://127.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.0.0.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://[fe80::1]/', 'link-local'],
  ])('is refused as the URL parser reads it: %s is %s', (url, addressClass) =>
    givenHost(hostOf(url)).whenGuarded().thenRefused(`not a public address (${addressClass})`),
  );

  it('is its own address: what the host resolves to does not matter', () =>
    givenHost('127.0.0.1', '93.184.216.34')
      .whenGuarded()
      .thenRefused('127.0.0.1 is not a public address'));

  it('may be called when public', () =>
    givenHost(hostOf('https://93.184.216.34/')).whenGuarded().thenAllowed());

  it('may be called when it is allowlisted as an address', () =>
    givenHost(hostOf('http://[::1]:8080/')).whenGuarded(parseAllowlist('::1')).thenAllowed());
});
