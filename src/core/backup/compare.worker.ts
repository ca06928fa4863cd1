// A worker thread's entry (see core/workers): compares a drive's read-back with what was written, in shared
// memory, for the copies of a backup (see compare.ts).
import { parentPort } from 'node:worker_threads';
import { backupNice } from '../workers/pool';
import { lowerThisThread } from '../workers/priority';
import { pieceViews } from '../workers/shared-memory';
import type { CompareAnswer, CompareRequest } from './compare';

// A backup is background work: its comparing takes the CPU the answers leave.
lowerThisThread(backupNice);

const memory = pieceViews();

parentPort!.on('message', (m: CompareRequest) => {
  if (m.type === 'share') memory.share(m);
  else parentPort!.postMessage({ id: m.id, equal: memory.view(m.a).equals(memory.view(m.b)) } satisfies CompareAnswer);
});
