import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Which X-Forwarded-* headers to believe: none (`false`), those added by the last `n` hops,
 * or those added by proxies at these addresses or CIDR ranges. Client addresses feed the
 * sign-in limits and the audit trail, so trusting every hop (Fastify's `true`) is not offered:
 * any client could then prepend an address of its choosing.
 */
export type TrustProxy = false | number | string[];

/** Named ranges that Fastify's address matcher (proxy-addr) understands. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const EXAMPLE = 'e.g. 1, or 10.0.0.5,10.1.0.0/16';

/** Parses TRUST_PROXY; a string is the problem to report. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const text = value.trim();
  if (text === 'false') return false;
  if (text === 'true') {
    return `must say which proxies to trust: the number of proxies in front of Demarche or their addresses (${EXAMPLE}); "true" would let any client forge its address`;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 ? hops : 'must be at least 1 proxy (or false to trust none)';
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined) {
    return wrong === ''
      ? `must be false, a number of proxies, or proxy addresses separated by commas (${EXAMPLE})`
      : `has "${wrong}", which is not an IP address, a CIDR range or one of ${[...NAMED_RANGES].join(', ')} (${EXAMPLE})`;
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

type FastifyTrust = false | string[] | ((address: string, hop: number) => boolean);

/**
 * The setting as Fastify takes it. A hop count becomes a function: Fastify 5.12 and later
 * ignore a plain number (they then trust nothing at all).
 */
export function fastifyTrustProxy(setting: TrustProxy | undefined): FastifyTrust {
  if (typeof setting === 'number') {
    const hops = setting;
    return (_address, hop) => hop < hops;
  }
  return setting ?? false;
}

export const UNTRUSTED_FORWARDING_WARNING =
  "requests arrive with X-Forwarded-For but TRUST_PROXY is not set: all clients share the proxy's address for sign-in limits and the audit";

/**
 * Warns once when a request looks proxied but no proxy is trusted: every client then has the
 * proxy's address, and 20 failed sign-ins from anyone lock everyone out for 15 minutes.
 */
export function warnOnUntrustedForwarding(app: FastifyInstance): void {
  let warned = false;
  app.addHook('onRequest', async (request) => {
    // Fastify defines `ips` only when some proxy is trusted.
    if (warned || request.ips !== undefined || request.headers['x-forwarded-for'] === undefined) return;
    warned = true;
    app.log.warn(UNTRUSTED_FORWARDING_WARNING);
  });
}
