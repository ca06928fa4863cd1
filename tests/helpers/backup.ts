import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { nodeFs, type BackupFs } from '../../src/core/backup/fsops';
import { inspectDatabase } from '../../src/core/backup/inspect';
import { partialPrefix } from '../../src/core/backup/fsops';
import { openDatabase } from '../../src/core/db/open';
import { generateDemoSchool } from '../../src/core/demo';
import { migrationsFolder } from './temp';

/** A small demo school in a real file, closed. */
export function demoDbFile(dir: string, name = 'school.db'): string {
  const file = path.join(dir, name);
  const db = openDatabase(file, { migrationsFolder, create: true });
  generateDemoSchool(db, { tier: 'small', years: 1, today: '2026-11-24' });
  db.$client.close();
  return file;
}

export const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/**
 * nodeFs with faults where no real mount can give them: a write that fails after some bytes (a stick pulled
 * out) or hangs, a read-back that returns other bytes than were written (a failing flash cell).
 */
export function faultyFs(faults: {
  dir: string;
  failWriteAfter?: { bytes: number; code: string };
  failCreate?: string;
  /** One byte flipped in the read-back of the block at this position (0 unless given). */
  corruptReadBack?: boolean | { at: number };
  /** A write that does not return (a hung network share) until `until` settles. */
  hangWriteAfter?: { bytes: number; until: Promise<unknown> };
  failUnlink?: boolean;
}): BackupFs {
  const inDir = (file: string) => path.dirname(file) === faults.dir;
  return {
    ...nodeFs,
    async create(file) {
      if (inDir(file) && faults.failCreate) throw errno(faults.failCreate);
      const handle = await nodeFs.create(file);
      let written = 0;
      return {
        ...handle,
        async write(data, position) {
          const bytes = data.reduce((n, d) => n + d.byteLength, 0);
          if (inDir(file) && faults.failWriteAfter && written + bytes > faults.failWriteAfter.bytes) {
            const room = Math.max(0, faults.failWriteAfter.bytes - written);
            await handle.write([Buffer.concat(data).subarray(0, room)], position);
            throw errno(faults.failWriteAfter.code);
          }
          written += bytes;
          if (inDir(file) && faults.hangWriteAfter !== undefined && written > faults.hangWriteAfter.bytes)
            await faults.hangWriteAfter.until;
          await handle.write(data, position);
        },
        async readBack(into, position) {
          const n = await handle.readBack(into, position);
          // One flipped byte in a block read back, as a failing flash cell would give.
          const at = typeof faults.corruptReadBack === 'object' ? faults.corruptReadBack.at : 0;
          if (inDir(file) && faults.corruptReadBack && position <= at && at < position + n)
            into[at - position]! ^= 0xff;
          return n;
        },
      };
    },
    unlink: (file) => (inDir(file) && faults.failUnlink ? Promise.reject(errno('EIO')) : nodeFs.unlink(file)),
  };
}

/** Every file in a folder under a final name (not a temporary one) with its manifest. */
export function finalFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => !n.startsWith(partialPrefix));
}

export function liveIsIntact(file: string) {
  return inspectDatabase(file, { full: true });
}

/** Mounts a tmpfs of `kib` KiB on `dir` (made if missing); null when mounted, else why it could not be. */
export function mountTmpfs(dir: string, options: { kib: number; readOnly?: boolean }): string | null {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${options.kib}k${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
    return null;
  } catch (e) {
    return `cannot mount a tmpfs here (needs root): ${(e as Error).message}`;
  }
}

/**
 * Mounts a tmpfs for a test that needs one: skips the test when this machine does not let us mount, and fails
 * it under CI, where it must run. Returns whether it mounted (the caller unmounts).
 */
export function tmpfsForTest(dir: string, kib: number, context: { skip(note: string): void }): boolean {
  const refused = mountTmpfs(dir, { kib });
  if (refused === null) return true;
  if (process.env['CI']) throw new Error(refused);
  context.skip(refused);
  return false;
}

/**
 * Runs `body` with a small tmpfs (size in KiB, optionally read-only) mounted on `dir`, when this machine lets
 * us mount; returns false without running it otherwise. Always unmounted afterwards.
 */
export async function withTmpfs(
  dir: string,
  options: { kib: number; readOnly?: boolean },
  body: () => Promise<void>,
): Promise<boolean> {
  if (mountTmpfs(dir, options) !== null) return false;
  try {
    await body();
  } finally {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  }
  return true;
}

/** The migrations this checkout has: their number and the tag of the last one. */
export function knownMigrations(migrationsFolder: string): { count: number; lastTag: string } {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return { count: journal.entries.length, lastTag: journal.entries.at(-1)!.tag };
}

/** An "older release": a copy of the migrations folder that stops after its first migration. */
export function firstMigrationOnly(migrationsFolder: string, dir: string): string {
  const folder = path.join(dir, 'old-migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}
