/**
 * The desktop app's own calls, besides the contract: which journal this computer opens (its own, or the school
 * server's as a client). Answered by main itself, never forwarded to a server; a browser has none of them.
 */
export const desktopChannels = {
  /** {} → DesktopMode */
  mode: 'desktop:mode',
  /** {} → DesktopMode: opens (or creates) the journal on this computer. */
  openLocal: 'desktop:openLocal',
  /** {} → { schools: FoundSchool[] }: the school servers announced on the network. */
  findSchools: 'desktop:findSchools',
  /** { address, code } → DesktopMode: pairs with a server by its connection code and uses it from then on. */
  connect: 'desktop:connect',
  /** { login, password } of the server's administrator → DesktopMode: forgets the server (back to the choice). */
  switchServer: 'desktop:switchServer',
} as const;

export const desktopChannelNames: readonly string[] = Object.values(desktopChannels);

export interface DesktopMode {
  /** choose: the first start, nothing opened yet; local: this computer's journal; client: a school server's. */
  mode: 'choose' | 'local' | 'client';
  server: {
    /** host:port as typed or found. */
    address: string;
    schoolName: string | null;
    /** SHA-256 of the pinned certificate; empty for a server on this very computer. */
    fingerprint: string;
    /** Kept for the next start (false: connected just this once, to the program holding this computer's file). */
    saved: boolean;
  } | null;
}

/** A school server found on the network (announced by DNS-SD). */
export interface FoundSchool {
  name: string;
  host: string;
  addresses: string[];
  port: number;
  version: string;
}
