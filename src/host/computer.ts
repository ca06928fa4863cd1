/**
 * How the audit log names the computer a call came from: the address the connection came from (what this
 * server saw, so it holds), then the name the desktop client gave in its header (what the client said, so it is
 * shown as such, in «», cut to a computer name's length and without control characters).
 */
export function computerOf(address: string, said: string | undefined): string {
  const shown = address.replace(/^::ffff:(?=\d+\.)/, '');
  const name = said === undefined ? '' : computerNameOf(said);
  return name ? `${shown} «${name}»` : shown;
}

/** The name a desktop client gave in its header, decoded and made safe to show. */
export function computerNameOf(header: string): string {
  let text = header;
  try {
    text = decodeURIComponent(header);
  } catch {
    // Not percent-encoded: taken as it came.
  }
  return [...text.replace(/[\p{Cc}\p{Cf}«»]/gu, '').trim()].slice(0, 63).join('');
}
