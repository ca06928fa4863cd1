import os from 'node:os';
import { isIP } from 'node:net';
import { isLoopback } from '../shared/loopback';

export { isLoopback };

/** The host name of a Host header or an Origin, without port and IPv6 brackets. */
function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Names the server answers to. An address typed as digits, localhost, and this computer's own name: a web
 * page on some other site that points its own name at this computer (DNS rebinding) is turned away, because
 * the browser then sends that site's name in Host.
 */
export function acceptedHostName(hostHeader: string, extraNames: readonly string[] = []): boolean {
  const name = hostnameOf(hostHeader);
  if (!name) return false;
  if (isIP(name) || name === 'localhost') return true;
  const own = os.hostname().toLowerCase();
  return [own, `${own}.local`, `${own}.lan`, ...extraNames.map((n) => n.toLowerCase())].includes(name);
}

/**
 * Whether a state-changing request comes from the journal's own page. The session cookie is SameSite=Strict
 * and the API takes only JSON (a cross-site form cannot send it, a cross-site fetch needs a preflight we never
 * grant); on top of that, a browser's Origin and Sec-Fetch-Site must name this very server. Clients that are
 * not browsers (the tests, curl) send neither header, and they hold no one's cookie to abuse.
 */
export function sameOrigin(headers: { origin?: string; host?: string; fetchSite?: string }, scheme: string): boolean {
  if (headers.fetchSite && headers.fetchSite !== 'same-origin' && headers.fetchSite !== 'none') return false;
  if (headers.origin === undefined) return true;
  return headers.host !== undefined && headers.origin.toLowerCase() === `${scheme}://${headers.host}`.toLowerCase();
}
