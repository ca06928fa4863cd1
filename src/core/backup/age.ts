import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '../../shared/errors';
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

/** A pass-through that hashes what flows by: each byte is read once, not once more for its SHA-256. */
function hashing(hash: Hash) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

function toWeb(file: string, hash?: Hash): ReadableStream<Uint8Array> {
  const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  return Readable.toWeb(hash ? source.pipe(hashing(hash)) : source) as unknown as ReadableStream<Uint8Array>;
}

async function writeWebStream(stream: ReadableStream<Uint8Array>, dest: string, hash?: Hash): Promise<void> {
  const from = Readable.fromWeb(stream as unknown as WebReadableStream<Uint8Array>);
  const to = fs.createWriteStream(dest, { flags: 'wx' });
  await (hash ? pipeline(from, hashing(hash), to) : pipeline(from, to));
}

/**
 * Encrypts a file with a passphrase in the age format (scrypt recipient), streaming, so the standard `age`
 * tool opens it with `age -d` and the same passphrase if this program is gone.
 */
export async function encryptFile(
  source: string,
  dest: string,
  passphrase: string,
  options: EncryptOptions = {},
): Promise<{ plainSha256: string; fileSha256: string }> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(new NativeScryptRecipient(passphrase, options.workFactor ?? 18));
  const plain = createHash('sha256');
  const cipher = createHash('sha256');
  await writeWebStream(await encrypter.encrypt(toWeb(source, plain)), dest, cipher);
  return { plainSha256: plain.digest('hex'), fileSha256: cipher.digest('hex') };
}

/** Decrypts an age file; a wrong passphrase or a damaged file becomes a clear Russian message. */
export async function decryptFile(source: string, dest: string, passphrase: string): Promise<void> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new NativeScryptIdentity(passphrase));
  try {
    await writeWebStream(await decrypter.decrypt(toWeb(source)), dest);
  } catch (e) {
    fs.rmSync(dest, { force: true });
    const message = (e as Error).message;
    if (/no identity matched|incorrect passphrase|failed to decrypt file key|invalid.*key/i.test(message)) {
      throw new AppError('validation', 'Неверный пароль шифрования копии');
    }
    throw new AppError('io', 'Зашифрованная копия повреждена или обрезана: расшифровать её нельзя');
  }
}
