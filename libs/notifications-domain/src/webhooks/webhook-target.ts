import { BlockList, isIP } from 'node:net';
import { webhookViolation, type WebhookViolation } from './webhook-violation';

export const MAX_WEBHOOK_URL_LENGTH = 2_048;

const allowedProtocols: readonly string[] = ['https:', 'http:'];

/** A URL a webhook may be sent to, or every reason it may not. */
export type ParsedWebhookUrl =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly violations: readonly WebhookViolation[] };

/**
 * Parses a subscription's target URL with the WHATWG parser, the one the HTTP client uses, so
 * the host checked is the host called: `http://127.1/` and `http://2130706433/` both come out
 * as host 127.0.0.1. Whether the host may be called is `guardTarget`'s question.
 */
export const parseWebhookUrl = (text: string, field = 'url'): ParsedWebhookUrl => {
  const refused = (...violations: WebhookViolation[]): ParsedWebhookUrl => ({
    ok: false,
    violations,
  });
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    return refused(
      webhookViolation(
        field,
        'WEBHOOK_URL_TOO_LONG',
        `is ${text.length} characters long; at most ${MAX_WEBHOOK_URL_LENGTH} are allowed`,
      ),
    );
  const url = URL.parse(text);
  if (url === null)
    return refused(webhookViolation(field, 'WEBHOOK_URL_MALFORMED', 'is not an absolute URL'));
  const violations = [
    ...(allowedProtocols.includes(url.protocol)
      ? []
      : [
          webhookViolation(
            field,
            'WEBHOOK_URL_SCHEME_NOT_ALLOWED',
            `uses ${url.protocol}; only https: and http: are allowed`,
          ),
        ]),
    ...(url.hostname === ''
      ? [webhookViolation(field, 'WEBHOOK_URL_WITHOUT_HOST', 'names no host')]
      : []),
    ...(url.username === '' && url.password === ''
      ? []
      : [
          webhookViolation(
            field,
            'WEBHOOK_URL_WITH_CREDENTIALS',
            'must not carry a user name or password; the signature authenticates the sender',
          ),
        ]),
    // The serialised URL keeps even an empty fragment, and a `#` anywhere else is escaped.
    ...(url.href.includes('#')
      ? [webhookViolation(field, 'WEBHOOK_URL_WITH_FRAGMENT', 'must not have a fragment (#…)')]
      : []),
  ];
  return violations.length === 0 ? { ok: true, url } : refused(...violations);
};

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

type Family = 'ipv4' | 'ipv6';

/** One address range: a single address has the full prefix (32 or 128). */
export interface AddressRange {
  readonly address: string;
  readonly prefix: number;
  readonly family: Family;
}

/** An address as a URL or a resolver spells it: without brackets and without a zone. */
const bareAddress = (text: string): string => text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');

const familyOf = (address: string): Family | undefined => {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
};

/** `10.0.0.0/8`, `fd12::/64` or a single address; undefined when it is none of them. */
const parseRange = (text: string): AddressRange | undefined => {
  const [written = '', prefixText, ...rest] = text.split('/');
  const address = bareAddress(written);
  const family = familyOf(address);
  if (family === undefined || rest.length > 0) return undefined;
  const longest = family === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: longest, family };
  const prefix = Number(prefixText);
  return /^[0-9]{1,3}$/.test(prefixText) && prefix <= longest
    ? { address, prefix, family }
    : undefined;
};

const blockListOf = (ranges: readonly AddressRange[]): BlockList => {
  const list = new BlockList();
  for (const { address, prefix, family } of ranges) list.addSubnet(address, prefix, family);
  return list;
};

/** For the tables below, written here and so always valid. */
const rangesOf = (...written: string[]): BlockList =>
  blockListOf(
    written.map((text) => {
      const range = parseRange(text);
      if (range === undefined) throw new Error(`${text} is not an address range`);
      return range;
    }),
  );

/**
 * The classes an address can fall in, most specific first: a metadata address sits inside a
 * link-local or private range, and must be named as what it is. IPv4 ranges also match IPv4
 * addresses written as IPv4-mapped IPv6 (BlockList does that).
 */
const classRanges: readonly (readonly [AddressClass, BlockList])[] = [
  [
    'metadata',
    rangesOf(
      '169.254.169.254', // AWS, GCP, Azure, OpenStack instance metadata
      '169.254.170.2', // AWS ECS task metadata
      '100.100.100.200', // Alibaba Cloud
      '168.63.129.16', // Azure wire server
      '192.0.0.192', // Oracle Cloud
      'fd00:ec2::254', // AWS over IPv6
    ),
  ],
  ['unspecified', rangesOf('0.0.0.0/8', '::/128')],
  ['loopback', rangesOf('127.0.0.0/8', '::1/128')],
  [
    'private',
    rangesOf('10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16', '64:ff9b:1::/48'),
  ],
  ['link-local', rangesOf('169.254.0.0/16', 'fe80::/10')],
  ['unique-local', rangesOf('fc00::/7')],
  ['multicast', rangesOf('224.0.0.0/4', 'ff00::/8')],
  [
    'reserved',
    rangesOf(
      '192.0.0.0/24',
      '192.0.2.0/24',
      '192.88.99.0/24',
      '198.18.0.0/15',
      '198.51.100.0/24',
      '203.0.113.0/24',
      '240.0.0.0/4',
      '2001::/23',
      '2001:db8::/32',
      '3fff::/20',
    ),
  ],
];

/** IPv6 unicast is allocated from here only; any other IPv6 address is not public. */
const globalUnicast = rangesOf('2000::/3');

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted tail split). */
const ipv6Groups = (address: string): number[] => {
  const groupsOf = (part: string | undefined): number[] =>
    part === undefined || part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = address.split('::');
  const left = groupsOf(head);
  const right = groupsOf(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
};

const ipv4Of = (high: number, low: number): string =>
  [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');

/**
 * The IPv4 address an IPv6 address stands for: IPv4-mapped (`::ffff:0:0/96`), NAT64
 * (`64:ff9b::/96`) and 6to4 (`2002::/16`) all reach an IPv4 host, so they are that host's class.
 */
const carriedIpv4 = (address: string): string | undefined => {
  const [a, b, c, d, e, f, g, h] = ipv6Groups(address);
  const upperZero = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (upperZero && f === 0xffff) return ipv4Of(g, h);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return ipv4Of(g, h);
  if (a === 0x2002) return ipv4Of(b, c);
  return undefined;
};

/**
 * What kind of address this is, for the SSRF guard: only 'public' may be called unless the
 * operator allowlists it. Accepts `[::1]` and zone ids (`fe80::1%eth0`); throws a RangeError
 * for text that is no IP address (resolving names is the caller's job).
 */
export const classifyAddress = (ip: string): AddressClass => {
  const address = bareAddress(ip);
  const family = familyOf(address);
  if (family === undefined) throw new RangeError(`${JSON.stringify(ip)} is not an IP address`);
  const carried = family === 'ipv6' ? carriedIpv4(address) : undefined;
  if (carried !== undefined) return classifyAddress(carried);
  const found = classRanges.find(([, ranges]) => ranges.check(address, family));
  if (found) return found[0];
  return family === 'ipv4' || globalUnicast.check(address, 'ipv6') ? 'public' : 'reserved';
};

/** Hosts and address ranges the operator lets webhooks reach although they are not public. */
export interface WebhookAllowlist {
  /** Lowercase, without a trailing dot. */
  readonly hosts: readonly string[];
  readonly ranges: readonly AddressRange[];
}

const hostLabel = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const hostNamePattern = new RegExp(`^(?:${hostLabel}\\.)*${hostLabel}$`);

/** As the URL parser gives it and DNS compares it: lowercase, no brackets, no trailing dot. */
const normalHost = (host: string): string => bareAddress(host.toLowerCase()).replace(/\.$/, '');

/** A DNS host name; one whose last label is numeric would be read as an IPv4 address. */
const isHostName = (name: string): boolean =>
  name.length <= 253 && hostNamePattern.test(name) && !/(^|\.)[0-9]+$/.test(name);

/**
 * The operator's allowlist: comma-separated host names (exact, case-insensitive), IP addresses
 * and CIDR ranges, IPv4 or IPv6; blanks around entries and empty entries are ignored. A wrong
 * entry is a configuration error and throws, so the service does not start half-configured.
 */
export const parseAllowlist = (text: string | undefined): WebhookAllowlist => {
  const hosts: string[] = [];
  const ranges: AddressRange[] = [];
  for (const entry of (text ?? '').split(',').map((written) => written.trim())) {
    if (entry === '') continue;
    const range = parseRange(entry);
    const host = normalHost(entry);
    if (range !== undefined) ranges.push(range);
    else if (isHostName(host)) hosts.push(host);
    else
      throw new Error(
        `webhook allowlist entry ${JSON.stringify(entry)} is neither a host name, an IP address nor a CIDR range (hooks.example.com, 10.1.2.3, 10.1.0.0/16, fd12::/64)`,
      );
  }
  return { hosts, ranges };
};

/** An allowlist's ranges as a BlockList, made once per allowlist (the sender asks per attempt). */
const allowedRanges = new WeakMap<WebhookAllowlist, BlockList>();
const allowedRangesOf = (allowlist: WebhookAllowlist): BlockList => {
  let list = allowedRanges.get(allowlist);
  if (list === undefined) allowedRanges.set(allowlist, (list = blockListOf(allowlist.ranges)));
  return list;
};

export interface WebhookTarget {
  /** The URL's host (`URL.hostname`): a name, an IPv4 address or a bracketed IPv6 address. */
  readonly host: string;
  /** Every address the host resolved to, for a name; ignored for a literal address. */
  readonly addresses: readonly string[];
  readonly allowlist: WebhookAllowlist;
}

/**
 * May a webhook be sent to this host (SSRF guard)? Only when every address it resolves to is
 * public, or the host name or the address is allowlisted: one private address among public
 * ones is refused, since the client may connect to any of them. Empty when it may. Run it on
 * the addresses actually connected to, at every attempt: DNS can change after subscribing.
 */
export const guardTarget = (
  { host, addresses, allowlist }: WebhookTarget,
  field = 'url',
): readonly WebhookViolation[] => {
  const name = normalHost(host);
  const literal = familyOf(name) !== undefined;
  if (!literal && allowlist.hosts.includes(name)) return [];
  const candidates = literal ? [name] : addresses;
  if (candidates.length === 0)
    return [
      webhookViolation(field, 'WEBHOOK_TARGET_UNRESOLVED', `host ${name} resolves to no address`),
    ];
  const allowed = allowedRangesOf(allowlist);
  const said = (address: string, what: string) =>
    literal ? `${address} is ${what}` : `host ${name} resolves to ${address}, ${what}`;
  return candidates.flatMap((candidate): WebhookViolation[] => {
    const address = bareAddress(candidate);
    const family = familyOf(address);
    if (family === undefined)
      return [
        webhookViolation(
          field,
          'WEBHOOK_TARGET_ADDRESS_INVALID',
          said(JSON.stringify(candidate), 'not an IP address'),
        ),
      ];
    if (allowed.check(address, family)) return [];
    const addressClass = classifyAddress(address);
    return addressClass === 'public'
      ? []
      : [
          webhookViolation(
            field,
            'WEBHOOK_TARGET_NOT_PUBLIC',
            said(
              address,
              `not a public address (${addressClass}); webhooks go to public addresses only`,
            ),
          ),
        ];
  });
};
