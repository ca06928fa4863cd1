import fs from 'node:fs';
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Decrypter, Stanza } from 'age-encryption';
import { AppError } from '../../shared/errors';
import { chunkSize, payloadKey, payloadNonceSize, payloadOpener, payloadSealer } from './age-stream';
import { readBlocks } from './fsops';
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

/** The memory scrypt takes at a work factor: 128·N·r bytes, r = 8 in age (256 MiB at age's default 18). */
export const scryptBytes = (workFactor = 18) => 128 * 2 ** workFactor * 8;

/** A file key and the header that gives it to whoever knows the passphrase. */
export interface SealingKey {
  fileKey: Buffer;
  header: Buffer;
}

/**
 * scrypt's part of encrypting: a file key (a fresh one unless given) wrapped for the passphrase. About a
 * second at age's work factor, so a backup gives it the file key it already seals the payload with, and
 * writes the header last.
 */
export async function sealingKey(
  passphrase: string,
  workFactor = 18,
  fileKey: Buffer = randomBytes(16),
): Promise<SealingKey> {
  return {
    fileKey,
    header: encodeHeader(await new NativeScryptRecipient(passphrase, workFactor).wrapFileKey(fileKey), fileKey),
  };
}

/** The size of the encrypted file: header, payload nonce, and 16 bytes of tag per 64 KiB chunk (at least one). */
export function encryptedSize(headerBytes: number, plainBytes: number): number {
  return headerBytes + payloadNonceSize + plainBytes + 16 * Math.max(1, Math.ceil(plainBytes / chunkSize));
}

/**
 * The length of the header `sealingKey` writes, known before scrypt has run: its salt, wrapped key and MAC
 * are of fixed lengths, so only the work factor's digits change it.
 */
export function headerBytes(workFactor = 18): number {
  const zero = Buffer.alloc(32);
  return encodeHeader(
    [new Stanza(['scrypt', base64NoPad(zero.subarray(0, 16)), String(workFactor)], zero)],
    zero.subarray(0, 16),
  ).length;
}

/** Writes the pieces in order, with one system call when the file takes them all at once. */
async function writePieces(out: fs.promises.FileHandle, pieces: Buffer[]): Promise<number> {
  const total = pieces.reduce((n, p) => n + p.length, 0);
  if (total === 0) return 0;
  const { bytesWritten } = await out.writev(pieces);
  if (bytesWritten < total) {
    const rest = Buffer.concat(pieces).subarray(bytesWritten);
    for (let done = 0; done < rest.length;) done += (await out.write(rest, done, rest.length - done)).bytesWritten;
  }
  return total;
}

/**
 * Plaintext blocks (each valid only until the next) encrypted in the age format (scrypt recipient), one fresh
 * buffer per block (each its own, so a backup can hand it to several drives at once): header and nonce
 * first, then the sealed payload.
 */
export async function* sealedBlocks(plain: AsyncIterable<Buffer>, key: SealingKey): AsyncGenerator<Buffer> {
  const nonce = randomBytes(payloadNonceSize);
  const sealer = payloadSealer(payloadKey(key.fileKey, nonce));
  yield Buffer.concat([key.header, nonce]);
  for await (const block of plain) {
    const pieces = sealer.push(block);
    if (pieces.length > 0) yield Buffer.concat(pieces);
  }
  yield Buffer.concat(sealer.end());
}

/**
 * Encrypts a file in the age format, streaming, so the standard `age` tool opens it with `age -d` and the
 * passphrase if this program is gone. Returns the encrypted file's SHA-256.
 */
export async function encryptFile(
  source: string,
  dest: string,
  key: SealingKey | string,
  options: EncryptOptions = {},
): Promise<{ fileSha256: string; bytes: number }> {
  const sealing = typeof key === 'string' ? await sealingKey(key, options.workFactor) : key;
  const hash = createHash('sha256');
  const out = await fs.promises.open(dest, 'wx');
  let bytes = 0;
  try {
    for await (const block of sealedBlocks(readBlocks(source), sealing)) {
      hash.update(block);
      bytes += await writePieces(out, [block]);
    }
  } finally {
    await out.close();
  }
  return { fileSha256: hash.digest('hex'), bytes };
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

/**
 * Decrypts an age file, streaming; a wrong passphrase or a damaged file becomes a clear Russian message.
 * Returns the decrypted file's SHA-256, taken as it is written rather than by reading it again.
 */
export async function decryptFile(source: string, dest: string, passphrase: string): Promise<{ sha256: string }> {
  let out: fs.promises.FileHandle | null = null;
  try {
    const { fileKey, payloadAt } = await openHeader(source, passphrase);
    const nonce = Buffer.alloc(payloadNonceSize);
    const input = await fs.promises.open(source, 'r');
    try {
      if ((await input.read(nonce, 0, payloadNonceSize, payloadAt)).bytesRead < payloadNonceSize)
        throw new Error('payload nonce is cut short');
    } finally {
      await input.close();
    }
    const opener = payloadOpener(payloadKey(fileKey, nonce));
    const hash = createHash('sha256');
    const write = (pieces: Buffer[]) => {
      for (const p of pieces) hash.update(p);
      return writePieces(out!, pieces);
    };
    out = await fs.promises.open(dest, 'wx');
    for await (const block of readBlocks(source, payloadAt + payloadNonceSize)) await write(opener.push(block));
    await write(opener.end());
    await out.close();
    return { sha256: hash.digest('hex') };
  } catch (e) {
    await out?.close().catch(() => undefined);
    fs.rmSync(dest, { force: true });
    if (e instanceof WrongPassphrase) throw new AppError('validation', 'Неверный пароль шифрования копии');
    throw new AppError('io', 'Зашифрованная копия повреждена или обрезана: расшифровать её нельзя');
  }
}
