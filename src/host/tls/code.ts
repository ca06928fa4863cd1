import { createHash, X509Certificate } from 'node:crypto';

/**
 * The connection code: 16 digits from the SHA-256 of the server's certificate, read aloud from the server's
 * screen and typed on another computer, which then keeps the whole certificate (pins it). Digits because they
 * are read aloud in Russian without spelling; 16 of them (about 53 bits) because forging a certificate with the
 * same code costs a second-preimage search of that size, made before the first connection it would fool.
 */
export function connectionCode(certificateDer: Uint8Array): string {
  const digest = createHash('sha256').update(certificateDer).digest();
  const digits = (digest.readBigUInt64BE(0) % 10n ** 16n).toString().padStart(16, '0');
  return digits.match(/\d{4}/g)!.join(' ');
}

/** The SHA-256 fingerprint as browsers show it in their certificate viewers (AB:CD:…). */
export function certificateFingerprint(certificateDer: Uint8Array): string {
  return createHash('sha256').update(certificateDer).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/** Whether the certificate a server presented is the one whose code the person typed (spaces and dashes ignored). */
export function matchesConnectionCode(certificateDer: Uint8Array, typed: string): boolean {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) && connectionCode(certificateDer).replace(/ /g, '') === digits;
}

/** The DER bytes of a PEM certificate. */
export function derOf(certificatePem: string): Uint8Array {
  return new X509Certificate(certificatePem).raw;
}
