export { defaultPort } from '../../host/discovery/service';

export interface ServerAddress {
  host: string;
  port: number;
}

/** https://host:port/ with IPv6 in brackets. */
export function serverUrl(address: ServerAddress): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `https://${host}:${address.port}/`;
}
