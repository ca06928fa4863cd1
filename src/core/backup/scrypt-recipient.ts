import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

/**
 * age's passphrase recipient (the `scrypt` stanza of age-encryption.org/v1), with scrypt and the file key's
 * ChaCha20-Poly1305 done by Node's native crypto. The package's own scrypt is pure JavaScript and synchronous:
 * at age's work factor 18 it held the event loop — every teacher's save — for about 12 s per backup. The
 * stanza is byte-for-byte what age-encryption and the age tool write and read.
 */
const label = 'age-encryption.org/v1/scrypt';
// Like age-encryption: a file asking for more is refused rather than tying up a gigabyte of memory.
const maxLogN = 20;

function deriveKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    // maxmem: scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below age's N = 2^18.
    scrypt(
      passphrase,
      Buffer.concat([Buffer.from(label), salt]),
      32,
      { N, r: 8, p: 1, maxmem: 2 * 128 * N * 8 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

const zeroNonce = Buffer.alloc(12);

/** The file key sealed under a stanza's key (ChaCha20-Poly1305, zero nonce), as every native age recipient does. */
export function sealFileKey(fileKey: Uint8Array, key: Buffer): Uint8Array {
  const cipher = createCipheriv('chacha20-poly1305', key, zeroNonce, { authTagLength: 16 });
  return Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
}

export function openFileKey(body: Uint8Array, key: Buffer): Uint8Array | null {
  if (body.length !== 32) throw new Error('invalid stanza');
  const decipher = createDecipheriv('chacha20-poly1305', key, zeroNonce, { authTagLength: 16 });
  decipher.setAuthTag(body.subarray(16));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, 16)), decipher.final()]);
  } catch {
    return null;
  }
}

const base64NoPad = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');

export class NativeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = 18,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveKey(this.passphrase, salt, this.logN);
    return [new Stanza(['scrypt', base64NoPad(salt), String(this.logN)], sealFileKey(fileKey, key))];
  }
}

export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const s of stanzas) {
      if (s.args[0] !== 'scrypt') continue;
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      const [, saltText, logNText] = s.args;
      if (s.args.length !== 3 || !/^[1-9][0-9]*$/.test(logNText ?? '') || !/^[A-Za-z0-9+/]{22}$/.test(saltText ?? '')) {
        throw new Error('invalid scrypt stanza');
      }
      const logN = Number(logNText);
      if (logN > maxLogN) throw new Error('scrypt work factor is too high');
      const fileKey = openFileKey(s.body, await deriveKey(this.passphrase, Buffer.from(saltText!, 'base64'), logN));
      if (fileKey) return fileKey;
    }
    return null;
  }
}
