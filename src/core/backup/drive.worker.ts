// A worker thread's entry (see core/workers): one drive's writes, syncs and read-backs of a backup's files, as
// plain blocking calls on this thread (see drive-thread.ts). One call at a time, in the order they came.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { backupNice } from '../workers/pool';
import { lowerThisThread } from '../workers/priority';
import { pieceViews } from '../workers/shared-memory';
import type { Bytes, DriveAnswer, DriveRequest } from './drive-thread';
import { after } from './fsops';

// A backup is background work: its copying into and out of the page cache takes the CPU the answers leave.
lowerThisThread(backupNice);

const memory = pieceViews();
const bytesOf = (b: Bytes) => ('piece' in b ? memory.view(b.piece) : b.copy);

/** One run of pieces at `position`, in one system call where the drive takes it all (see nodeFs.create). */
function write(fd: number, data: Uint8Array[], position: number): void {
  let pieces = data.filter((d) => d.byteLength > 0);
  for (let at = position; pieces.length > 0;) {
    const written = fs.writevSync(fd, pieces, at);
    at += written;
    pieces = after(pieces, written);
  }
}

function read(into: Uint8Array, fd: number, position: number): number {
  let n = 0;
  while (n < into.length) {
    const got = fs.readSync(fd, into, n, into.length - n, position + n);
    if (got === 0) break;
    n += got;
  }
  return n;
}

function answer(m: Exclude<DriveRequest, { type: 'share' }>): DriveAnswer {
  switch (m.type) {
    case 'open':
      // Readable by the app's account only, whatever the drive's folder allows others; never somebody else's file.
      return { id: m.id, ok: true, value: fs.openSync(m.file, 'wx+', 0o600) };
    case 'write':
      write(m.fd, m.data.map(bytesOf), m.position);
      return { id: m.id, ok: true, value: 0 };
    case 'sync':
      fs.fsyncSync(m.fd);
      return { id: m.id, ok: true, value: 0 };
    case 'read': {
      if ('piece' in m.into) return { id: m.id, ok: true, value: read(memory.view(m.into.piece), m.fd, m.position) };
      const bytes = Buffer.alloc(m.into.length);
      const value = read(bytes, m.fd, m.position);
      return { id: m.id, ok: true, value, bytes: bytes.subarray(0, value) };
    }
    case 'close':
      fs.closeSync(m.fd);
      return { id: m.id, ok: true, value: 0 };
  }
}

parentPort!.on('message', (m: DriveRequest) => {
  if (m.type === 'share') return memory.share(m);
  let reply: DriveAnswer;
  try {
    reply = answer(m);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    reply = { id: m.id, ok: false, code: e.code, message: e.message };
  }
  parentPort!.postMessage(reply);
});
