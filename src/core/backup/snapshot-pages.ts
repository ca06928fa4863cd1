import fs from 'node:fs';
import os from 'node:os';
import type Database from 'better-sqlite3';
import { megabytes } from './destination';

/**
 * The pages of the database as one read transaction sees them, read block by block from the files while the
 * transaction stays open, so a backup holds a block of the database in memory, never the whole of it. (SQLite
 * would give them itself through sqlite_dbpage, but better-sqlite3's SQLite is built without it, and its
 * serialize() gives the whole database at once.)
 *
 * In WAL mode a read transaction sees the database file, except the pages written to the WAL since the last
 * complete checkpoint, frames (nBackfill, mxFrame] of its wal-index header (https://sqlite.org/walformat.html;
 * the -shm file is read by every SQLite version that shares the database, so its layout does not change).
 * While the transaction lasts (wal.c, walTryBeginRead, walCheckpoint, walRestartLog):
 * - frames up to its mxFrame are not overwritten: the WAL restarts from its beginning only when no reader holds
 *   a read mark above 0, and one that reads the WAL holds one;
 * - a checkpoint copies into the database file only pages with frames in (nBackfill, its read mark], which are
 *   read here from the WAL; one on read mark 0 (everything backfilled) stops every checkpoint (a checkpoint
 *   locks mark 0 exclusively), so the file does not change at all;
 * - the file shrinks only to the page count of the newest commit, which is this one's if none came after.
 * So the file's other pages, and the WAL's frames up to mxFrame, are exactly the snapshot's. In rollback mode
 * the transaction's shared lock keeps every writer from committing.
 *
 * The wal-index header must be the one the transaction began with: read while writes are held off (or read
 * before and after the transaction began, and the same both times).
 */

/** What the wal-index (the -shm file) said at one moment: the header's first copy and the checkpoint's progress. */
export interface WalIndex {
  header: Buffer;
  mxFrame: number;
  nPage: number;
  pageSize: number;
  /** The WAL's salts, as each valid frame repeats them. */
  salt: Buffer;
  nBackfill: number;
}

/** The wal-index header of `file`'s WAL, or null where there is none to read or it is being written. */
export function walIndexOf(file: string): WalIndex | null {
  let fd: number;
  try {
    fd = fs.openSync(`${file}-shm`, 'r');
  } catch {
    return null;
  }
  try {
    // Two copies of the 48-byte header, then the checkpoint's info: nBackfill is its first field.
    const raw = Buffer.alloc(100);
    if (fs.readSync(fd, raw, 0, raw.length, 0) < raw.length) return null;
    const header = raw.subarray(0, 48);
    // Native byte order (the wal-index is never moved between machines); version 3007000; initialised.
    const le = os.endianness() === 'LE';
    const u32 = (at: number) => (le ? raw.readUInt32LE(at) : raw.readUInt32BE(at));
    if (!header.equals(raw.subarray(48, 96)) || u32(0) !== 3_007_000 || raw[12] !== 1) return null;
    const size = le ? raw.readUInt16LE(14) : raw.readUInt16BE(14);
    return {
      header: Buffer.from(header),
      mxFrame: u32(16),
      nPage: u32(20),
      pageSize: size === 1 ? 65_536 : size,
      salt: Buffer.from(raw.subarray(32, 40)),
      nBackfill: u32(96),
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** A snapshot's bytes, read on demand: `read` fills `into` with the bytes from `at` on. */
export interface SnapshotPages {
  bytes: number;
  read(at: number, into: Buffer): void;
  close(): void;
}

function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** Where SQLite's file locks are (its PENDING_BYTE): the page there holds nothing. */
const lockBytePage = 0x4000_0000;

/** Reads `into` whole from `position`; past the end of the file it is zeros. */
function readFully(fd: number, into: Buffer, position: number): void {
  let n = 0;
  for (let got = -1; n < into.length && got !== 0; n += got)
    got = fs.readSync(fd, into, n, into.length - n, position + n);
  into.fill(0, n);
}

/**
 * The newest frame of each page (up to `pageCount`) written to the WAL since the last complete checkpoint, up
 * to the snapshot's last frame; null if a frame does not carry the salts the index says (not the WAL it indexes).
 */
function walFrames(
  walFd: number,
  wal: WalIndex,
  pageCount: number,
  frameAt: (frame: number) => number,
): Map<number, number> | null {
  const frames = new Map<number, number>();
  const head = Buffer.alloc(24);
  for (let frame = wal.nBackfill + 1; frame <= wal.mxFrame; frame++) {
    if (fs.readSync(walFd, head, 0, 24, frameAt(frame)) < 24 || !head.subarray(8, 16).equals(wal.salt)) return null;
    const page = head.readUInt32BE(0);
    if (page <= pageCount) frames.set(page, frame);
  }
  return frames;
}

/**
 * The pages of the read transaction open on `client` (on `file`), whose wal-index header `wal` is. Null when
 * the files cannot say which pages it sees (a WAL without its -shm, on a medium this account may only read, or
 * an index that does not agree with the WAL); then the caller reads them through SQLite, whole.
 */
export function snapshotPages(file: string, client: Database.Database, wal: WalIndex | null): SnapshotPages | null {
  const pageSize = client.pragma('page_size', { simple: true }) as number;
  const pageCount = client.pragma('page_count', { simple: true }) as number;
  const inWal = client.pragma('journal_mode', { simple: true }) === 'wal';
  // (An empty WAL's index has no page size, nor a page count.)
  if (inWal && wal && wal.mxFrame > 0 && (wal.pageSize !== pageSize || wal.nPage !== pageCount)) return null;
  // No index to read, but no WAL either (a database closed cleanly, on a medium this account may only read):
  // the file alone is what the transaction sees. With frames in a WAL, which of them it sees is unknown.
  if (inWal && !wal && walBytes(file) >= 32) return null;
  const frameAt = (frame: number) => 32 + (frame - 1) * (24 + pageSize);
  const fds: number[] = [];
  const close = () => fds.splice(0).forEach((fd) => fs.closeSync(fd));
  let frames = new Map<number, number>();
  let walFd = -1;
  try {
    fds.push(fs.openSync(file, 'r'));
    if (inWal && wal && wal.mxFrame > wal.nBackfill) {
      fds.push((walFd = fs.openSync(`${file}-wal`, 'r')));
      const found = walFrames(walFd, wal, pageCount, frameAt);
      if (!found) {
        close();
        return null;
      }
      frames = found;
    }
  } catch (e) {
    close();
    throw e;
  }
  const fd = fds[0]!;
  return {
    bytes: pageCount * pageSize,
    read(at, into) {
      if (at % pageSize !== 0 || into.length % pageSize !== 0) throw new Error('the snapshot is read in whole pages');
      // SQLite never uses the page at 1 GiB: its first bytes are where connections lock the file (on Windows
      // a read of them may be refused), and serialize() gives it as zeros.
      const lock = lockBytePage - at;
      if (lock >= 0 && lock < into.length) {
        readFully(fd, into.subarray(0, lock), at);
        into.fill(0, lock, lock + pageSize);
        readFully(fd, into.subarray(lock + pageSize), at + lock + pageSize);
      } else readFully(fd, into, at);
      if (frames.size === 0) return;
      for (let offset = 0; offset < into.length; offset += pageSize) {
        const frame = frames.get((at + offset) / pageSize + 1);
        if (frame !== undefined) readFully(walFd, into.subarray(offset, offset + pageSize), frameAt(frame) + 24);
      }
    },
    close,
  };
}

/**
 * The snapshot held whole in memory, from SQLite (serialize) — where the files cannot say which pages the
 * transaction sees. Refused beforehand when the memory is not free: Linux may let too large an allocation
 * through and then kill the app in the middle of a school day.
 */
export function wholeSnapshot(client: Database.Database): SnapshotPages {
  const pageSize = client.pragma('page_size', { simple: true }) as number;
  const needed = pageSize * (client.pragma('page_count', { simple: true }) as number) + (128 << 20);
  const free = os.freemem();
  if (needed > free)
    throw new Error(
      `для снимка базы нужно ${megabytes(needed)} свободной памяти, а свободно ${megabytes(free)}. Закройте другие программы и повторите`,
    );
  const image = client.serialize();
  return { bytes: image.length, read: (at, into) => image.copy(into, 0, at, at + into.length), close: () => undefined };
}
