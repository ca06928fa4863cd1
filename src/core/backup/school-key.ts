import { createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { Stanza, generateX25519Identity, identityToRecipient, type Recipient } from 'age-encryption';
import { AppError } from '../../shared/errors';
import { bech32Decode } from './bech32';
import { sealFileKey } from './scrypt-recipient';

/**
 * The school's backup key: an age X25519 key pair. The recipient (`age1…`, public) is all the program keeps,
 * so scheduled backups need no secret; the identity (`AGE-SECRET-KEY-1…`) is given to the school once, on
 * paper, and is what restores — in this program or with the standard `age -d -i key.txt`.
 */
export interface SchoolKey {
  identity: string;
  recipient: string;
}

export async function generateSchoolKey(): Promise<SchoolKey> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

const identityPrefix = 'AGE-SECRET-KEY-1';

/** The 32 bytes of a recipient `age1…`; throws when it is not one (a damaged setting). */
export function recipientKey(recipient: string): Buffer {
  const decoded = recipient.startsWith('age1') ? bech32Decode(recipient) : null;
  if (!decoded || decoded.prefix !== 'age' || decoded.bytes.length !== 32)
    throw new AppError('internal', 'Открытый ключ шифрования копий в настройках повреждён');
  return decoded.bytes;
}

// DER framing of a raw X25519 public key (SubjectPublicKeyInfo), so Node's native X25519 takes it.
const spkiPrefix = Buffer.from('302a300506032b656e032100', 'hex');
const label = 'age-encryption.org/v1/X25519';
const base64NoPad = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');

/**
 * age's X25519 recipient with Node's native X25519, HKDF and ChaCha20-Poly1305: the stanza is byte for byte
 * what the age tool writes (an ephemeral share, the file key sealed under HKDF(shared secret)).
 */
export class NativeX25519Recipient implements Recipient {
  private readonly key: Buffer;

  constructor(recipient: string) {
    this.key = recipientKey(recipient);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = generateKeyPairSync('x25519');
    const share = ephemeral.publicKey.export({ format: 'der', type: 'spki' }).subarray(spkiPrefix.length);
    const theirs = createPublicKey({ key: Buffer.concat([spkiPrefix, this.key]), format: 'der', type: 'spki' });
    const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: theirs });
    if (secret.every((b) => b === 0)) throw new Error('X25519 gave an all-zero secret');
    const key = Buffer.from(hkdfSync('sha256', secret, Buffer.concat([share, this.key]), label, 32));
    return [new Stanza(['X25519', base64NoPad(share)], sealFileKey(fileKey, key))];
  }
}

/**
 * The identity as typed from the paper key: any case, spaces and line breaks anywhere, the groups' dashes
 * optional. Checked against the key's own checksum, so a mistyped letter is named here, not as a wrong key.
 */
export function parsePaperKey(typed: string): string {
  let text = typed.toUpperCase().replace(/\s+/g, '');
  text = text.startsWith(identityPrefix) ? text.slice(identityPrefix.length) : text;
  const identity = identityPrefix + text.replace(/-/g, '');
  const decoded = bech32Decode(identity);
  if (!decoded || decoded.prefix !== 'age-secret-key-' || decoded.bytes.length !== 32)
    throw new AppError(
      'validation',
      'Ключ введён с ошибкой: проверьте каждую группу знаков (в ключе нет букв B, I, O и цифры 1 после начала)',
    );
  return identity;
}

/** The paper key's body (after `AGE-SECRET-KEY-1`) in groups of five, as it is printed and read aloud. */
export function paperKeyGroups(identity: string): string[] {
  const body = identity.slice(identityPrefix.length);
  return body.match(/.{1,5}/g) ?? [];
}

/** The key file as `age-keygen` writes it, which `age -d -i` reads. */
export function keyFileText(key: SchoolKey, createdAt: string): string {
  return `# created: ${createdAt}\n# public key: ${key.recipient}\n${key.identity}\n`;
}

/** The identity in a key file's text (comment lines and blank lines aside). */
export function identityInKeyFile(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim().startsWith(identityPrefix));
  if (!line) throw new AppError('validation', 'В файле ключа нет ключа AGE-SECRET-KEY-1…');
  return parsePaperKey(line);
}
