/** The port `zhurnal serve` and the desktop app listen on unless told otherwise; a typed address may omit it. */
export const defaultPort = 8080;

export interface ServerAddress {
  host: string;
  port: number;
}

/**
 * What a person types to reach the school's computer: `host`, `host:port`, `[v6]:port`, a bare IPv6 address,
 * or a whole `https://host:port/` copied from the server's screen. Null when it is not an address.
 */
export function parseServerAddress(typed: string): ServerAddress | null {
  const text = typed
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '');
  if (!text) return null;
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(text);
  if (bracketed) return withPort(bracketed[1]!, bracketed[2]);
  // Two colons or more without brackets: an IPv6 address with no port.
  if ((text.match(/:/g) ?? []).length > 1) return /^[0-9a-f:.]+$/i.test(text) ? withPort(text, undefined) : null;
  const [host, port] = text.split(':') as [string, string | undefined];
  if (!/^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u.test(host)) return null;
  return withPort(host, port);
}

function withPort(host: string, port: string | undefined): ServerAddress | null {
  if (port === undefined) return { host: host.toLowerCase(), port: defaultPort };
  const n = Number(port);
  return Number.isInteger(n) && n > 0 && n <= 65535 ? { host: host.toLowerCase(), port: n } : null;
}

/** https://host:port/ with IPv6 in brackets. */
export function serverUrl(address: ServerAddress): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `https://${host}:${address.port}/`;
}
