import fs from 'node:fs';
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Decrypter, Stanza, type Identity } from 'age-encryption';
import { AppError } from '../../shared/errors';
import { chunkSize, payloadKey, payloadNonceSize, payloadOpener, payloadSealer } from './age-stream';
import { readBlocks } from './fsops';
import { NativeScryptRecipient } from './scrypt-recipient';
import { NativeX25519Recipient } from './school-key';

/** What opens a file: an identity's text (`AGE-SECRET-KEY-1…`), or an Identity object (a passphrase's). */
export type Opener = string | Identity;

export const wrongKeyMessage =
  'Ключ не подходит к этой копии: нужен бумажный ключ школы, действовавший, когда копия создана (для старой копии — её пароль шифрования)';

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

/** A file key and the header that gives it to whoever holds the identity (or the passphrase). */
export interface SealingKey {
  fileKey: Buffer;
  header: Buffer;
}

/** Sealing for the school's recipient: no secret, no delay — what every backup uses. */
export function recipientSealingKey(recipient: string, fileKey: Buffer = randomBytes(16)): SealingKey {
  return { fileKey, header: encodeHeader(new NativeX25519Recipient(recipient).wrapFileKey(fileKey), fileKey) };
}

/** Sealing for a passphrase (the paper key's file): scrypt at age's work factor, about a second off the event loop. */
export async function passphraseSealingKey(passphrase: string, workFactor = 18): Promise<SealingKey> {
  const fileKey = randomBytes(16);
  return {
    fileKey,
    header: encodeHeader(await new NativeScryptRecipient(passphrase, workFactor).wrapFileKey(fileKey), fileKey),
  };
}

/** The size of the encrypted file: header, payload nonce, and 16 bytes of tag per 64 KiB chunk (at least one). */
export function encryptedSize(headerBytes: number, plainBytes: number): number {
  return headerBytes + payloadNonceSize + plainBytes + 16 * Math.max(1, Math.ceil(plainBytes / chunkSize));
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
 * Plaintext blocks (each valid only until the next) encrypted in the age format, one fresh
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
 * Encrypts a file in the age format, streaming, so the standard `age` tool opens it with `age -d -i key.txt`
 * if this program is gone. Returns the encrypted file's SHA-256.
 */
export async function encryptFile(
  source: string,
  dest: string,
  sealing: SealingKey,
): Promise<{ fileSha256: string; bytes: number }> {
  const hash = createHash('sha256');
  // The app's account only: a copy of the school's data, even encrypted, is nobody else's to read.
  const out = await fs.promises.open(dest, 'wx', 0o600);
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

class WrongKey extends Error {}

/** Encrypts bytes held in memory (the paper key's file, a few hundred bytes). */
export async function encryptBytes(plain: Buffer, sealing: SealingKey): Promise<Buffer> {
  async function* one() {
    yield plain;
  }
  const out: Buffer[] = [];
  for await (const block of sealedBlocks(one(), sealing)) out.push(block);
  return Buffer.concat(out);
}

/** Decrypts bytes held in memory; null when none of the identities opens them. */
export async function decryptBytes(data: Buffer, identities: Opener[]): Promise<Buffer | null> {
  const length = headerLength(data);
  if (length === null) return null;
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  let fileKey: Uint8Array;
  try {
    fileKey = await decrypter.decryptHeader(data.subarray(0, length));
  } catch {
    return null;
  }
  const nonce = data.subarray(length, length + payloadNonceSize);
  const opener = payloadOpener(payloadKey(fileKey, nonce));
  try {
    return Buffer.concat([...opener.push(data.subarray(length + payloadNonceSize)), ...opener.end()]);
  } catch {
    return null;
  }
}

/** The header's length: through the end of its MAC line (`--- …\n`), which no other header line starts like. */
function headerLength(head: Buffer): number | null {
  const mac = head.indexOf('\n--- ');
  const end = mac < 0 ? -1 : head.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

/** Reads the header, checks its MAC and returns the file key and where the payload's nonce starts. */
async function openHeader(source: string, identities: Opener[]): Promise<{ fileKey: Uint8Array; payloadAt: number }> {
  const fd = await fs.promises.open(source, 'r');
  let head: Buffer;
  try {
    // An X25519 or passphrase header is about 200 bytes; 64 KiB leaves room for any the age tool writes.
    const { buffer, bytesRead } = await fd.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
  const length = headerLength(head);
  if (length === null) throw new Error('no header MAC line');
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return { fileKey: await decrypter.decryptHeader(head.subarray(0, length)), payloadAt: length };
  } catch (e) {
    if (/no identity matched/.test((e as Error).message)) throw new WrongKey();
    throw e;
  }
}

/**
 * Decrypts an age file with whichever of the identities opens it (the school's paper key, or the passphrase of
 * a copy made before there was one), streaming; a wrong key or a damaged file becomes a clear Russian message.
 * Returns the decrypted file's SHA-256, taken as it is written rather than by reading it again.
 */
export async function decryptFile(source: string, dest: string, identities: Opener[]): Promise<{ sha256: string }> {
  let out: fs.promises.FileHandle | null = null;
  try {
    const { fileKey, payloadAt } = await openHeader(source, identities);
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
    out = await fs.promises.open(dest, 'wx', 0o600);
    for await (const block of readBlocks(source, payloadAt + payloadNonceSize)) await write(opener.push(block));
    await write(opener.end());
    await out.close();
    return { sha256: hash.digest('hex') };
  } catch (e) {
    await out?.close().catch(() => undefined);
    fs.rmSync(dest, { force: true });
    if (e instanceof WrongKey) throw new AppError('validation', wrongKeyMessage);
    throw new AppError('io', 'Зашифрованная копия повреждена или обрезана: расшифровать её нельзя');
  }
}
