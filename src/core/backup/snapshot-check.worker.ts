// A worker thread's entry (see core/workers): the backup's check, on the snapshot the sealing thread copies
// (see snapshot-protocol.ts).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { failureText } from '../workers/failure';
import { backupNice } from '../workers/pool';
import { lowerThisThread } from '../workers/priority';
import { readAuditKey, verifyChain } from '../audit/chain';
import { factsOf, type AuditChainFacts } from './facts';
import { beginRead, passBarrier, type CheckerMessage, type CheckJob } from './snapshot-protocol';

const say = (message: CheckerMessage) => parentPort!.postMessage(message);

// A backup is background work: its check takes the CPU the answers leave.
lowerThisThread(backupNice);

/**
 * The audit log's latest entries, sealed onto the ones before them: bounded, so a backup's time does not grow
 * with years of history (the whole chain is `zhurnal verify-audit` and the admin's check). No key beside the
 * database: nothing to check it with here.
 */
const latestEntries = 100_000;
function chainOf(reader: Database.Database, file: string): AuditChainFacts | null {
  const key = readAuditKey(file);
  const hasLog = reader.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
  if (!key || !hasLog) return null;
  const report = verifyChain(reader, key, latestEntries);
  return { checked: report.entries, brokenAt: report.brokenAt?.id ?? null };
}

function check({ file, barrier }: CheckJob): void {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    reader.pragma('busy_timeout = 5000');
    // Read through a memory map rather than a read() per page: measured, a quarter less CPU.
    reader.pragma('mmap_size = 4294967296');
    say({ type: 'ready' });
    if (!passBarrier(new Int32Array(barrier), () => beginRead(reader))) return;
    say({ type: 'checked', facts: { ...factsOf(reader, false), auditChain: chainOf(reader, file) } });
    reader.exec('commit');
  } finally {
    reader.close();
  }
}

try {
  check(workerData as CheckJob);
} catch (e) {
  say({ type: 'failed', message: failureText(e) });
}
