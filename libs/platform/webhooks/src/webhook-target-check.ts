import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import {
  guardTarget,
  parseWebhookUrl,
  type WebhookAllowlist,
  type WebhookViolation,
} from '@talentloop/notifications-domain';

/** Every address a host name resolves to (`dns.lookup(host, { all: true })` by default). */
export type HostLookup = (host: string) => Promise<readonly LookupAddress[]>;

export const systemLookup: HostLookup = (host) => dns.lookup(host, { all: true });

/** `[::1]` as `URL.hostname` spells an IPv6 host, `::1` as sockets and resolvers do. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The addresses of a URL's host (`URL.hostname`): an IP literal is its own address, a name is
 * resolved. Rejects as the lookup does; the family is read from each address.
 */
export const addressesOf = async (
  hostname: string,
  lookup: HostLookup,
): Promise<readonly LookupAddress[]> => {
  const host = bareHost(hostname);
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  return (await lookup(host)).map(({ address }) => ({ address, family: isIP(address) }));
};

/**
 * May webhooks be sent to this URL now (when a subscription is made or changed)? The URL's
 * rules, then the SSRF guard over every address its host resolves to; a host that does not
 * resolve is refused as unresolved. Empty when it may. Each attempt checks again.
 */
export const checkWebhookTarget = async (
  url: string,
  allowlist: WebhookAllowlist,
  lookup: HostLookup = systemLookup,
): Promise<readonly WebhookViolation[]> => {
  const parsed = parseWebhookUrl(url);
  if (!parsed.ok) return parsed.violations;
  const addresses = await addressesOf(parsed.url.hostname, lookup).catch(() => []);
  return guardTarget({
    host: parsed.url.hostname,
    addresses: addresses.map(({ address }) => address),
    allowlist,
  });
};
