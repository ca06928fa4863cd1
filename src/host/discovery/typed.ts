import { isIP } from 'node:net';
import { defaultPort } from './service';

/** An address a person typed: `192.168.1.10`, `uchitelskaya:8443`, `[fe80::1]:8080`, `https://host/`. */
export interface TypedAddress {
  host: string;
  port: number;
  /** Where the client calls: always HTTPS, as nothing of the journal crosses the network in clear. */
  url: string;
}

/** Where a client calls a server: https://host:port/, IPv6 in brackets. */
export function serverUrl(address: { host: string; port: number }): string {
  const host = isIP(address.host) === 6 ? `[${address.host}]` : address.host;
  return `https://${host}:${address.port}/`;
}

const hostName = /^(?=.{1,253}$)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}))*\.?$/u;

/**
 * Reads `host[:port]` (a scheme and a trailing slash are forgiven), with the server's default port when none is
 * given; null for anything that is not an address or a computer's name, so the screen can say so at once.
 */
export function resolveTyped(typed: string, port = defaultPort): TypedAddress | null {
  const text = typed
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) [, host, portText] = bracketed as unknown as [string, string, string | undefined];
  else if (isIP(text) === 6) host = text;
  else [host, portText] = text.split(/:(?=\d+$)/) as [string, string | undefined];
  if (!host || (isIP(host) === 0 && !hostName.test(host))) return null;
  if (bracketed && isIP(host) !== 6) return null;
  const chosen = portText === undefined ? port : Number(portText);
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > 65535) return null;
  return { host, port: chosen, url: serverUrl({ host, port: chosen }) };
}
