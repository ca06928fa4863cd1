/**
 * Bech32 (BIP 173), which age uses for its keys (`age1…`, `AGE-SECRET-KEY-1…`): only decoding, with its
 * checksum, so a mistyped paper key is caught before any backup is tried with it.
 */
const charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= generator[i]!;
  }
  return chk >>> 0;
}

const expand = (hrp: string) => [
  ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
  0,
  ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];

/** The human-readable part (lower case) and the bytes; null when the text is not valid bech32. */
export function bech32Decode(text: string): { prefix: string; bytes: Buffer } | null {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const s = text.toLowerCase();
  const split = s.lastIndexOf('1');
  if (split < 1 || s.length - split - 1 < 6) return null;
  const prefix = s.slice(0, split);
  const data: number[] = [];
  for (const c of s.slice(split + 1)) {
    const v = charset.indexOf(c);
    if (v < 0) return null;
    data.push(v);
  }
  if (polymod([...expand(prefix), ...data]) !== 1) return null;
  // Five-bit groups to bytes; the padding left over must be under a byte and zero.
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const v of data.slice(0, -6)) {
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) return null;
  return { prefix, bytes: Buffer.from(bytes) };
}
