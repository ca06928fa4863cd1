// A worker thread's entry (see core/workers): derives scrypt keys for password.ts, one job at a time.
import { scryptSync } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { failureOf } from '../workers/failure';
import type { ScryptJob } from './password';

parentPort!.on('message', (m: ScryptJob & { id: number }) => {
  try {
    const key = scryptSync(m.password, Buffer.from(m.salt), m.keyLength, { N: m.N, r: m.r, p: m.p, maxmem: m.maxmem });
    parentPort!.postMessage({ id: m.id, ok: true, value: key });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, failure: failureOf(e) });
  }
});
