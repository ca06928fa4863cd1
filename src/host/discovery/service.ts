import { Bonjour } from 'bonjour-service';
import type { EventEmitter } from 'node:events';

/** The DNS-SD service type every Журнал server announces: `_zhurnal._tcp.local`. */
export const serviceType = 'zhurnal';

/** The port `zhurnal serve` and the desktop app listen on unless told otherwise; a typed address without one uses it. */
export const defaultPort = 8080;

/** What mDNS lets one computer use on the wire besides the default: its interface, for tests on one link only. */
export interface MdnsLink {
  /** The IPv4 address of the interface to announce and listen on (e.g. 127.0.0.1); every interface when absent. */
  interface?: string;
}

/**
 * One mDNS socket. On a link it is bound to every address (a socket bound to 127.0.0.1 would not receive what
 * is sent to the group) and sends and joins on the one interface; Bonjour hands these options to multicast-dns
 * as they are, though its type names only a service's fields. Discovery is a convenience: a port 5353 another
 * program holds, or no network at all, is logged and must never stop the journal.
 */
export function openBonjour(link: MdnsLink): Bonjour {
  const options = link.interface ? { interface: link.interface, bind: '0.0.0.0' } : {};
  const said = new Set<string>();
  const logged = (error: unknown) => {
    const message = String(error);
    if (said.has(message)) return; // each send fails the same way once the bind failed
    said.add(message);
    console.error('[discovery]', message);
  };
  const bonjour = new Bonjour(options as object, logged);
  // multicast-dns emits a failed bind as 'error', which would end the process with nobody listening.
  (bonjour as unknown as { server: { mdns: EventEmitter } }).server.mdns.on('error', logged);
  return bonjour;
}

/** The TXT keys: short, as each record is sent in every answer. */
export const txtKeys = { version: 'v', school: 'school', fingerprint: 'fp' } as const;

/** An instance name is one DNS label: 63 bytes of UTF-8 at most, and no dot (a dot separates labels). */
export function instanceName(school: string, fingerprint?: string): string {
  const tail = fingerprint ? ` · ${shortFingerprint(fingerprint)}` : '';
  const head = school.replace(/\./g, ' ').trim() || 'Журнал';
  return fitBytes(head, 63 - Buffer.byteLength(tail)).trimEnd() + tail;
}

/** A TXT string is at most 255 bytes with its `key=`: a school's full legal name can be longer in UTF-8. */
export const txtValue = (key: string, value: string): string => fitBytes(value, 255 - key.length - 1);

/** The longest start of `text` of at most `max` bytes of UTF-8, cut between characters. */
function fitBytes(text: string, max: number): string {
  let kept = '';
  for (const ch of text) {
    if (Buffer.byteLength(kept + ch) > max) break;
    kept += ch;
  }
  return kept;
}

/** The certificate's first bytes (hex, no colons): two schools with the same name still differ by it. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').slice(0, 8).toUpperCase();
}
