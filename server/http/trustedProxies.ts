/**
 * Which peers may name the client's address in `X-Forwarded-For`. By default nobody: the address a
 * request came from is the one sign-in throttling counts, so a client cannot escape the per-address
 * limit by sending a made-up header. Behind a reverse proxy the operator names the proxy (its
 * address, a CIDR range or `loopback` / `linklocal` / `uniquelocal`, as Fastify's `trustProxy` takes
 * them), and the address the proxy saw is counted instead of the proxy's own.
 */
import net from 'node:net';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry) || net.isIP(entry) !== 0) return true;
  const match = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!match) return false;
  const family = net.isIP(match[1]!);
  const bits = Number(match[2]);
  return family !== 0 && bits <= (family === 4 ? 32 : 128);
}

/** The entries of a comma-separated list, or null when one of them is neither an address, a range nor a named range. */
export function parseTrustedProxies(list: string): string[] | null {
  const entries = list.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.length > 0 && entries.every(isTrustEntry) ? entries : null;
}
