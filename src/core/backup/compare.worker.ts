// A worker thread's entry (see core/workers): compares a drive's read-back with what was written, in shared
// memory, for the copies of a backup (see compare.ts).
import { parentPort } from 'node:worker_threads';
import { backupNice } from '../workers/pool';
import { lowerThisThread } from '../workers/priority';
import type { CompareAnswer, CompareRequest } from './compare';

// A backup is background work: its comparing takes the CPU the answers leave.
lowerThisThread(backupNice);

const memories = new Map<number, SharedArrayBuffer>();
const view = (p: { memory: number; offset: number; length: number }) =>
  Buffer.from(memories.get(p.memory)!, p.offset, p.length);

parentPort!.on('message', (m: CompareRequest) => {
  if (m.type === 'share') memories.set(m.id, m.memory);
  else parentPort!.postMessage({ id: m.id, equal: view(m.a).equals(view(m.b)) } satisfies CompareAnswer);
});
