import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import { hash, hashSync, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id with OWASP's memory (19 MiB) and one lane. OWASP's t=2 costs ~10 ms on the school's kind of
 * computer: the passes are raised until a check costs ~100 ms, the login time a teacher does not notice and a
 * guesser with the database file pays for every try. A stored hash with other figures is rehashed at the next
 * login (needsRehash).
 */
const argon2id: Options = { algorithm: 2 /* Argon2id */, memoryCost: 19 * 1024, timeCost: 20, parallelism: 1 };
const currentPrefix = `$argon2id$v=19$m=${argon2id.memoryCost},t=${argon2id.timeCost},p=${argon2id.parallelism}$`;
/** The figures as a person reads them (the bench's table). */
export const hashingFigures = `argon2id m=${argon2id.memoryCost! / 1024} MiB, t=${argon2id.timeCost}, p=${argon2id.parallelism}`;

/**
 * The library hashes on libuv's threads, off the JS thread; at most this many at once, so that file reads and
 * writes (backups, served files), which wait for the same four threads, always find one free during a burst.
 */
const slots = Math.max(1, Math.min(2, os.availableParallelism()));
let free = slots;
const waiting: (() => void)[] = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (free > 0) free -= 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  }
}

/** Password checks that may run at once: the login queue takes its turns within these. */
export const passwordChecksAtOnce = slots;

export function hashPasswordSync(password: string): string {
  return hashSync(password, argon2id);
}

export function hashPassword(password: string): Promise<string> {
  return inSlot(() => hash(password, argon2id));
}

/** Whether a stored hash is of older figures (or scrypt, before argon2id): the next right password rehashes it. */
export const needsRehash = (stored: string) => !stored.startsWith(currentPrefix);

/** Hashes of earlier releases: `scrypt$N$r$p$salt$key`, still accepted until their user logs in once. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, saltB64, keyB64] = stored.split('$');
  if (!n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * Number(n) * Number(r) };
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, options, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('scrypt$')) return inSlot(() => verifyScrypt(password, stored));
  if (!stored.startsWith('$argon2')) return Promise.resolve(false);
  return inSlot(() => verify(stored, password).catch(() => false));
}

let dummy: Promise<string> | null = null;
/**
 * A hash of no one's password at today's figures: an unknown or disabled login is checked against it, so that
 * it costs the same time as a real one and nobody can list the school's logins by the answer's speed.
 */
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('base64')));
