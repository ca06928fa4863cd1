import type Database from 'better-sqlite3';
import type { RawFacts } from './facts';

/**
 * What the backup's snapshot threads and the main thread say to each other (see snapshot-stream.ts).
 *
 * The backup's check runs on a thread of its own (snapshot-check.worker.ts), on exactly the snapshot the
 * sealing thread (snapshot-seal.worker.ts) copies: a backup then takes the check's 0.8 s (300 MB) beside the
 * encryption and the writing to the drives instead of before them, and no drive gets the copy under its final
 * name before the check passed (see run.ts).
 *
 * Two read transactions see the same snapshot when nothing is committed between their starts. So both
 * threads open their connections, say they are ready, and wait at a barrier in shared memory; the main
 * thread then takes the write lock, opens the barrier and waits — synchronously, so no teacher's call runs
 * meanwhile — until both transactions have started, and lets the lock go. Measured on the 300 MB school:
 * 1.4–2.6 ms (13 ms the first time in a process): the threads only start a transaction and read one page.
 *
 * Where the lock cannot be had (a file this account may only read, or one SQLite cannot open at all) the
 * barrier opens as `inline`: the sealing thread checks before it copies, as a single thread would, and its
 * own errors say what is wrong with the file.
 */

/** Slots of the barrier (an Int32Array over a SharedArrayBuffer). */
export const barrier = { go: 0, begun: 1, length: 2 } as const;
/** Values of `go`: still waiting, start the transaction together, or check on the sealing thread. */
export const go = { wait: 0, joined: 1, inline: 2 } as const;

/** Waits at the barrier, then starts the read transaction if asked to; true when it did. Shared by both threads. */
export function passBarrier(flags: Int32Array, begin: () => void): boolean {
  Atomics.wait(flags, barrier.go, go.wait);
  if (Atomics.load(flags, barrier.go) !== go.joined) return false;
  try {
    begin();
  } finally {
    // Counted even when it failed, so the main thread never waits for a thread that will not come.
    Atomics.add(flags, barrier.begun, 1);
    Atomics.notify(flags, barrier.begun);
  }
  return true;
}

/** A read transaction started: it begins at the first read. Shared by both threads. */
export function beginRead(client: Database.Database): void {
  client.exec('begin');
  client.prepare('select count(*) from sqlite_master').get();
}

/** The checker thread's job. */
export interface CheckJob {
  file: string;
  barrier: SharedArrayBuffer;
}

export type CheckerMessage =
  { type: 'ready' } | { type: 'checked'; facts: RawFacts } | { type: 'failed'; message: string };

/** The sealing thread's job. */
export interface SnapshotJob {
  /** The live database (or a copy already taken): read through a memory map, so it must be a local file. */
  file: string;
  /** Plaintext bytes per block; each block is sealed into a slot of `slotSize`. */
  blockBytes: number;
  slotSize: number;
  ring: SharedArrayBuffer;
  /** The payload's file key and the header that gives it to the school's key; null: a plain copy. */
  sealing: { fileKey: Uint8Array; header: Uint8Array } | null;
  barrier: SharedArrayBuffer;
}

export type ToSealer = { type: 'free'; slot: number };

export type FromSealer =
  | { type: 'ready' }
  | { type: 'begun' }
  | { type: 'taken'; databaseBytes: number }
  | { type: 'checked'; facts: RawFacts }
  | { type: 'block'; slot: number; length: number; position: number }
  | { type: 'end'; databaseSha256: string; fileSha256: string; bytes: number }
  | { type: 'failed'; message: string };
