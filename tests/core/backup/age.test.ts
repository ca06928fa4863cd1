import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile, recipientSealingKey } from '../../../src/core/backup/age';
import { payloadOpener, payloadSealer } from '../../../src/core/backup/age-stream';
import { ageDecryptedWithKey, ageTool, skipWithoutAge, testKey } from '../../helpers/age';
import { tempDir } from '../../helpers/temp';
import { NativeScryptIdentity } from '../../../src/core/backup/scrypt-recipient';
import { generateSchoolKey } from '../../../src/core/backup/school-key';

const chunk = 64 * 1024;
// Every way the last STREAM chunk can fall: empty plaintext, short, one byte short of full, exactly full
// (the only full final chunk), one byte into a second chunk, and several MiB that do not end on a chunk.
const sizes = [0, 1, chunk - 1, chunk, chunk + 1, 3 * 1024 * 1024 + 5];
const passphrase = 'проверочная фраза для age';
const school = [testKey.identity];
const sealing = () => recipientSealingKey(testKey.recipient);

/** Where the payload (its 16-byte nonce, then the sealed chunks) starts: after the header's MAC line. */
function payloadOf(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  return bytes.subarray(bytes.indexOf('\n', bytes.indexOf('\n--- ') + 1) + 1);
}

describe('backups in the age format, with the payload sealed by Node’s native ChaCha20-Poly1305', () => {
  const dir = tempDir();
  const plain = new Map(sizes.map((n) => [n, randomBytes(n)]));
  const source = (n: number) => {
    const file = path.join(dir, `plain-${n}`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, plain.get(n)!);
    return file;
  };

  it('cuts the payload into 64 KiB chunks, a full chunk last only when the size is a multiple of it', async () => {
    for (const n of sizes) {
      const encrypted = path.join(dir, `ours-${n}.age`);
      await encryptFile(source(n), encrypted, sealing());
      // 16-byte nonce, then each chunk with its 16-byte tag; an empty plaintext is one empty final chunk.
      expect(payloadOf(encrypted).length, `size ${n}`).toBe(16 + n + 16 * Math.max(1, Math.ceil(n / chunk)));
      // The age-encryption package's own (pure JavaScript) reader agrees, byte for byte.
      const decrypter = new Decrypter();
      decrypter.addIdentity(testKey.identity);
      expect(Buffer.from(await decrypter.decrypt(fs.readFileSync(encrypted))).equals(plain.get(n)!), `size ${n}`).toBe(
        true,
      );
      const back = path.join(dir, `ours-${n}.back`);
      const { sha256 } = await decryptFile(encrypted, back, school);
      expect(fs.readFileSync(back).equals(plain.get(n)!), `size ${n}`).toBe(true);
      // The hash taken while decrypting is the plaintext's: verify relies on it instead of reading the file again.
      expect(sha256, `size ${n}`).toBe(createHash('sha256').update(plain.get(n)!).digest('hex'));
    }
  });

  it('seals and opens the same bytes however the input is cut into blocks', () => {
    const key = randomBytes(32);
    const pieces = (data: Buffer) => {
      const out: Buffer[] = [];
      for (let at = 0; at < data.length;) {
        const n = 1 + Math.floor(Math.random() * 100_000);
        out.push(data.subarray(at, at + n));
        at += n;
      }
      return out;
    };
    // Each block is handed over in one reused buffer, scribbled over after the call, as the file reader does.
    const scratch = Buffer.alloc(100_000);
    const handOver = (push: (b: Buffer) => Buffer[]) => (p: Buffer) => {
      p.copy(scratch);
      const out = push(scratch.subarray(0, p.length)).map((b) => Buffer.from(b));
      scratch.fill(0xa5);
      return out;
    };
    for (const n of [...sizes, 5 * chunk + 12_345]) {
      const data = randomBytes(n);
      const whole = payloadSealer(key);
      const reference = Buffer.concat([...whole.push(data), ...whole.end()]);
      const cut = payloadSealer(key);
      const sealed = Buffer.concat([...pieces(data).flatMap(handOver(cut.push)), ...cut.end()]);
      expect(sealed.equals(reference), `size ${n}`).toBe(true);
      const opener = payloadOpener(key);
      const opened = Buffer.concat([...pieces(sealed).flatMap(handOver(opener.push)), ...opener.end()]);
      expect(opened.equals(data), `size ${n}`).toBe(true);
    }
  });

  it.skipIf(skipWithoutAge)('writes files the standard `age -d -i key.txt` decrypts with the school’s key', () => {
    for (const n of sizes) {
      const back = ageDecryptedWithKey(path.join(dir, `ours-${n}.age`), testKey.identity);
      expect(back.equals(plain.get(n)!), `size ${n}`).toBe(true);
    }
  });

  it.skipIf(skipWithoutAge)('decrypts what the standard age tool encrypted to the school’s recipient', async () => {
    for (const n of sizes) {
      const encrypted = path.join(dir, `to-recipient-${n}.age`);
      execFileSync('age', ['-r', testKey.recipient, '-o', encrypted, source(n)]);
      const back = path.join(dir, `to-recipient-${n}.back`);
      await decryptFile(encrypted, back, school);
      expect(fs.readFileSync(back).equals(plain.get(n)!), `size ${n}`).toBe(true);
    }
  });

  // Copies made before the school had a key were encrypted with a passphrase, as `age -p` does. The age tool
  // always uses scrypt's full work factor: about a second per file here, more under load.
  it.skipIf(skipWithoutAge)(
    'decrypts what the standard age tool encrypted with a passphrase (an old copy)',
    { timeout: 180_000 },
    async () => {
      for (const n of [0, sizes.at(-1)!]) {
        const encrypted = path.join(dir, `by-age-${n}.age`);
        await ageTool(['-p', '-o', encrypted, source(n)], passphrase);
        const back = path.join(dir, `by-age-${n}.back`);
        await decryptFile(encrypted, back, [new NativeScryptIdentity(passphrase)]);
        expect(fs.readFileSync(back).equals(plain.get(n)!), `size ${n}`).toBe(true);
      }
    },
  );

  it('refuses a changed, reordered, cut or extended file and a wrong key in Russian, leaving no output', async () => {
    const n = 2 * chunk + 100;
    plain.set(n, randomBytes(n));
    const good = path.join(dir, 'three-chunks.age');
    await encryptFile(source(n), good, sealing());
    const bytes = fs.readFileSync(good);
    const payloadAt = bytes.length - payloadOf(good).length + 16;
    const sealed = chunk + 16;
    const damaged: Record<string, Buffer> = {
      'a flipped byte in the second chunk': Buffer.from(bytes).fill(
        bytes[payloadAt + sealed + 7]! ^ 1,
        payloadAt + sealed + 7,
        payloadAt + sealed + 8,
      ),
      'the first two chunks swapped': Buffer.concat([
        bytes.subarray(0, payloadAt),
        bytes.subarray(payloadAt + sealed, payloadAt + 2 * sealed),
        bytes.subarray(payloadAt, payloadAt + sealed),
        bytes.subarray(payloadAt + 2 * sealed),
      ]),
      'cut after the second chunk': bytes.subarray(0, payloadAt + 2 * sealed),
      'cut inside the last chunk': bytes.subarray(0, bytes.length - 30),
      'cut inside the nonce': bytes.subarray(0, payloadAt - 5),
      'cut inside the header': bytes.subarray(0, 40),
      'bytes added at the end': Buffer.concat([bytes, Buffer.alloc(20)]),
      'a flipped byte in the header MAC': Buffer.from(bytes).fill(
        bytes[payloadAt - 20]! ^ 1,
        payloadAt - 20,
        payloadAt - 19,
      ),
    };
    for (const [what, content] of Object.entries(damaged)) {
      const file = path.join(dir, 'damaged.age');
      fs.writeFileSync(file, content);
      const out = path.join(dir, 'damaged.out');
      await expect(decryptFile(file, out, school), what).rejects.toThrow(
        'Зашифрованная копия повреждена или обрезана: расшифровать её нельзя',
      );
      expect(fs.existsSync(out), what).toBe(false);
    }
    const out = path.join(dir, 'wrong.out');
    const other = await generateSchoolKey();
    for (const wrong of [[other.identity], [new NativeScryptIdentity('не та фраза')]]) {
      await expect(decryptFile(good, out, wrong)).rejects.toThrow('Ключ не подходит к этой копии');
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
