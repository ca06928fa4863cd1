/**
 * Sent by the desktop client with each call: the name of the computer it runs on, percent-encoded UTF-8 (a
 * header carries Latin-1 only, a school names its computers in Russian). The server names it in the audit log
 * beside the address the call came from; the address is what the server saw, the name only what the client said.
 */
export const computerHeader = 'x-zhurnal-computer';

export const encodeComputerName = (name: string): string => encodeURIComponent(name.slice(0, 63));
