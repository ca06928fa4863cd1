import { AppError } from '../../shared/errors';
import { decryptBytes, encryptBytes, passphraseSealingKey, type Opener } from './age';
import { NativeScryptIdentity } from './scrypt-recipient';
import { identityInKeyFile, keyFileText, parsePaperKey, type SchoolKey } from './school-key';

/**
 * What opens an encrypted backup, as the person at the keyboard gives it: the paper key typed, the key's file
 * (protected by a passphrase, as offered when the key was made), or the passphrase alone of a copy made
 * before the school had a key.
 */
export interface KeyInput {
  /** The paper key, typed (or pasted) as printed. */
  key?: string | null;
  /** The paper key's file: plain (`AGE-SECRET-KEY-1…` inside) or encrypted with `passphrase`. */
  keyFile?: Buffer | null;
  passphrase?: string | null;
}

export const needKeyMessage =
  'Копия зашифрована: введите бумажный ключ школы, выберите файл ключа или введите пароль старой копии';

/** The identities to try on an encrypted copy; an empty list when nothing was given. */
export async function identitiesFrom(input: KeyInput): Promise<Opener[]> {
  const identities: Opener[] = [];
  if (input.key?.trim()) identities.push(parsePaperKey(input.key));
  if (input.keyFile && input.keyFile.length > 0) {
    identities.push(await unlockKeyFile(input.keyFile, input.passphrase ?? null));
  } else if (input.passphrase) identities.push(new NativeScryptIdentity(input.passphrase));
  return identities;
}

const ageHeader = Buffer.from('age-encryption.org/v1\n');

/** The identity in the paper key's file, opening it with the passphrase when it is encrypted. */
export async function unlockKeyFile(file: Buffer, passphrase: string | null): Promise<string> {
  if (!file.subarray(0, ageHeader.length).equals(ageHeader)) return identityInKeyFile(file.toString('utf8'));
  if (!passphrase) throw new AppError('validation', 'Файл ключа защищён паролем: введите пароль файла ключа');
  const text = await decryptBytes(file, [new NativeScryptIdentity(passphrase)]);
  if (!text) throw new AppError('validation', 'Неверный пароль файла ключа (или файл повреждён)');
  return identityInKeyFile(text.toString('utf8'));
}

/** The paper key's file protected by a passphrase: what `age -p` makes of key.txt, so `age -d` opens it too. */
export async function lockedKeyFile(key: SchoolKey, createdAt: string, passphrase: string, workFactor?: number) {
  return encryptBytes(Buffer.from(keyFileText(key, createdAt)), await passphraseSealingKey(passphrase, workFactor));
}
