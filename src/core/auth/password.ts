import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { createPool, type Pool } from '../workers/pool';

// scrypt from node:crypto: no native dependency to rebuild for Electron. N=2^15 costs ~50 ms here, which
// makes guessing slow without making the staffroom wait at login.
const params = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const keyLength = 32;

/** One key to derive on the hashing threads (password.worker.ts). */
export interface ScryptJob {
  password: string;
  salt: Uint8Array;
  keyLength: number;
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/**
 * Keys are derived on threads of their own, not on libuv's pool (where node's async scrypt runs): a burst of
 * logins would take the four threads that file reads and writes (backups, served files) wait for. A pool apart
 * from the reports' one, so a login never queues behind a PDF. Process-wide like libuv's: hashing holds no state.
 */
let hashing: Pool | null = null;

async function scryptAsync(
  password: string,
  salt: Buffer,
  options: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  // Already off the main thread (an import on the calls' pool): derive here rather than start threads of threads.
  if (!isMainThread) return scryptSync(password, salt, keyLength, options);
  hashing ??= createPool({ name: 'password-hash', size: Math.min(2, os.availableParallelism()) });
  const job: ScryptJob = { password, salt, keyLength, ...options };
  return Buffer.from((await hashing.run(job)) as Uint8Array);
}

function encode(salt: Buffer, key: Buffer, p: { N: number; r: number; p: number }): string {
  return `scrypt$${p.N}$${p.r}$${p.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return encode(salt, scryptSync(password, salt, keyLength, params), params);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await scryptAsync(password, salt, params), params);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scryptAsync(password, Buffer.from(saltB64, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
