import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { lookup as lookupCallback } from 'node:dns';
import ipaddr from 'ipaddr.js';

export interface UrlGuardOptions {
  /** Tests only: let webhooks reach 127.0.0.1 / ::1 (a local receiver). Never in production. */
  allowLoopback?: boolean;
}

export type GuardResult = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Is this address on the public internet? Everything else — private, loopback, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved, unique-local v6, and
 * IPv4-mapped forms of those — is refused, so a customer's webhook cannot reach our own network.
 */
export function isPublicAddress(address: string, opts: UrlGuardOptions = {}): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address); // unwraps ::ffff:a.b.c.d to IPv4
  const range = ip.range();
  if (range === 'loopback') return opts.allowLoopback === true;
  return range === 'unicast';
}

/** Shape checks only (scheme, no credentials, a host): no network. */
export function parseWebhookUrl(raw: string): GuardResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'Enter a full URL, e.g. https://example.com/sms' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'Use an http or https URL' };
  if (url.username || url.password) return { ok: false, reason: 'Put no credentials in the URL; verify our signature instead' };
  if (!url.hostname) return { ok: false, reason: 'The URL needs a host' };
  return { ok: true, url };
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');
const INTERNAL = 'The URL points at a private, loopback, link-local or otherwise internal address';

/**
 * Everything that can be checked without the network: the shape, then a host that is `localhost`
 * or a literal internal IP. `host` is the bare host name (no IPv6 brackets) for a DNS lookup.
 */
export function checkUrlOffline(raw: string, opts: UrlGuardOptions = {}): (GuardResult & { ok: false }) | { ok: true; url: URL; host: string } {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const host = bareHost(parsed.url);
  if (host.toLowerCase() === 'localhost' && !opts.allowLoopback) return { ok: false, reason: INTERNAL };
  if (ipaddr.isValid(host) && !isPublicAddress(host, opts)) return { ok: false, reason: INTERNAL };
  return { ok: true, url: parsed.url, host };
}

/**
 * Offline checks, then the host's DNS answers: every address must be public. Used when a webhook URL
 * is saved; the send path re-checks at connect time (guardedLookup), since DNS can change meanwhile.
 */
export async function checkWebhookUrl(raw: string, opts: UrlGuardOptions = {}): Promise<GuardResult> {
  const offline = checkUrlOffline(raw, opts);
  if (!offline.ok) return offline;
  const { host } = offline;
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { ok: false, reason: `The host ${host} does not resolve` };
  }
  if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a, opts))) return { ok: false, reason: INTERNAL };
  return { ok: true, url: offline.url };
}

/** Refused at connect time: the host resolved to an internal address. */
export class BlockedAddressError extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`refused to connect to ${host}: ${address} is not a public address`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * A `lookup` for node:http(s) that resolves and checks in one step, so the address we connect to is
 * the address we checked (no DNS-rebinding window between a check and the connect).
 */
export function guardedLookup(opts: UrlGuardOptions = {}): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as unknown as Array<{ address: string; family: number }>;
      const bad = list.find((a) => !isPublicAddress(a.address, opts));
      if (bad || list.length === 0) return callback(new BlockedAddressError(hostname, bad?.address ?? 'nothing'), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
