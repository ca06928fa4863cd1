import type Database from 'better-sqlite3';

/** Pages copied per step of the online backup: small enough that a teacher's write never waits long. */
const pagesPerStep = 256;

/**
 * A consistent copy of the live database, taken through the one connection that writes (the safety copy
 * before a restore). SQLite's online backup runs in steps between which the event loop serves writes; writes
 * made through this same connection are carried into the copy, so it never restarts.
 */
export async function snapshotFromConnection(client: Database.Database, dest: string): Promise<void> {
  await client.backup(dest, { progress: () => pagesPerStep });
}
