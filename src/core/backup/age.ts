import fs from 'node:fs';
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Decrypter, type Stanza } from 'age-encryption';
import { AppError } from '../../shared/errors';
import { payloadKey, payloadNonceSize, payloadOpener, payloadSealer } from './age-stream';
import { NativeScryptIdentity, NativeScryptRecipient } from './scrypt-recipient';

/** Every age file starts with this line; a backup without it is a plain SQLite file. */
const ageHeader = 'age-encryption.org/v1\n';

export function isAgeFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(ageHeader.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.toString('latin1') === ageHeader;
  } finally {
    fs.closeSync(fd);
  }
}

export interface EncryptOptions {
  /** scrypt's log2 work factor; age's default is 18. Tests lower it to stay fast. */
  workFactor?: number;
}

const readBlock = 1 << 20;
const base64NoPad = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');

/** The header as age-encryption.org/v1 writes it: stanzas in 48-byte base64 lines, then the HMAC line. */
function encodeHeader(stanzas: Stanza[], fileKey: Uint8Array): Buffer {
  const lines = [ageHeader];
  for (const s of stanzas) {
    lines.push(`-> ${s.args.join(' ')}\n`);
    for (let i = 0; i < s.body.length; i += 48) lines.push(`${base64NoPad(s.body.subarray(i, i + 48))}\n`);
    // A body whose last line is full ends with an empty line, so a reader knows it is over.
    if (s.body.length % 48 === 0) lines.push('\n');
  }
  lines.push('---');
  const withoutMac = Buffer.from(lines.join(''), 'utf8');
  const macKey = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  const mac = createHmac('sha256', macKey).update(withoutMac).digest();
  return Buffer.concat([withoutMac, Buffer.from(` ${base64NoPad(mac)}\n`)]);
}

/**
 * Encrypts a file with a passphrase in the age format (scrypt recipient), streaming one block at a time, so
 * the standard `age` tool opens it with `age -d` and the same passphrase if this program is gone.
 */
export async function encryptFile(
  source: string,
  dest: string,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<{ plainSha256: string; fileSha256: string }> {
  const fileKey = randomBytes(16);
  const header = encodeHeader(await new NativeScryptRecipient(passphrase, options.workFactor ?? 18).wrapFileKey(fileKey), fileKey);
  const nonce = randomBytes(payloadNonceSize);
  const sealer = payloadSealer(payloadKey(fileKey, nonce));
  const plain = createHash('sha256');
  const cipher = createHash('sha256');
  async function* sealed() {
    const emit = (b: Buffer) => (cipher.update(b), b);
    yield emit(Buffer.concat([header, nonce]));
    for await (const block of fs.createReadStream(source, { highWaterMark: readBlock }) as AsyncIterable<Buffer>) {
      plain.update(block);
      yield emit(sealer.push(block));
    }
    yield emit(sealer.end());
  }
  await pipeline(Readable.from(sealed()), fs.createWriteStream(dest, { flags: 'wx' }));
  return { plainSha256: plain.digest('hex'), fileSha256: cipher.digest('hex') };
}

class WrongPassphrase extends Error {}

/** The header's length: through the end of its MAC line (`--- …\n`), which no other header line starts like. */
function headerLength(head: Buffer): number | null {
  const mac = head.indexOf('\n--- ');
  const end = mac < 0 ? -1 : head.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

/** Reads the header, checks its MAC and returns the file key and where the payload's nonce starts. */
async function openHeader(source: string, passphrase: string): Promise<{ fileKey: Uint8Array; payloadAt: number }> {
  const fd = await fs.promises.open(source, 'r');
  let head: Buffer;
  try {
    // A passphrase header is about 150 bytes; 64 KiB leaves room for any the age tool writes.
    const { buffer, bytesRead } = await fd.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
  const length = headerLength(head);
  if (length === null) throw new Error('no header MAC line');
  const decrypter = new Decrypter();
  decrypter.addIdentity(new NativeScryptIdentity(passphrase));
  try {
    return { fileKey: await decrypter.decryptHeader(head.subarray(0, length)), payloadAt: length };
  } catch (e) {
    if (/no identity matched/.test((e as Error).message)) throw new WrongPassphrase();
    throw e;
  }
}

/** Decrypts an age file, streaming; a wrong passphrase or a damaged file becomes a clear Russian message. */
export async function decryptFile(source: string, dest: string, passphrase: string): Promise<void> {
  try {
    const { fileKey, payloadAt } = await openHeader(source, passphrase);
    let opener: ReturnType<typeof payloadOpener> | null = null;
    let nonce = Buffer.alloc(0);
    async function* opened() {
      for await (const block of fs.createReadStream(source, { start: payloadAt, highWaterMark: readBlock }) as AsyncIterable<Buffer>) {
        if (opener) {
          yield opener.push(block);
          continue;
        }
        // The payload begins with its 16-byte nonce; the first block may, in theory, be shorter than that.
        const data = Buffer.concat([nonce, block]);
        if (data.length < payloadNonceSize) {
          nonce = data;
          continue;
        }
        opener = payloadOpener(payloadKey(fileKey, data.subarray(0, payloadNonceSize)));
        yield opener.push(data.subarray(payloadNonceSize));
      }
      if (!opener) throw new Error('payload nonce is cut short');
      yield opener.end();
    }
    await pipeline(Readable.from(opened()), fs.createWriteStream(dest, { flags: 'wx' }));
  } catch (e) {
    fs.rmSync(dest, { force: true });
    if (e instanceof WrongPassphrase) throw new AppError('validation', 'Неверный пароль шифрования копии');
    throw new AppError('io', 'Зашифрованная копия повреждена или обрезана: расшифровать её нельзя');
  }
}
