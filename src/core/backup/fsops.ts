import fs from 'node:fs';

/** An open file being written: the few calls a destination copy needs. */
export interface WriteHandle {
  /** Writes the pieces of `data`, one after another, from `position` in the file (one system call where it can). */
  write(data: readonly Uint8Array[], position: number): Promise<void>;
  /** Flushes what was written so far to the drive (fsync). */
  sync(): Promise<void>;
  /** Reads what the file holds at `position` into `into` (after a sync: what the drive gives back); bytes read. */
  readBack(into: Buffer, position: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * The file operations a backup makes on a destination. Real code uses `nodeFs`, with the backup's own files
 * written through each drive's thread (drive-thread.ts); the fault tests wrap `nodeFs` to fail the way a drive
 * does (full, read-only, pulled out in the middle of a copy) where no real mount can.
 */
export interface BackupFs {
  /** Creates a new file, open to write and read back; fails if it exists, so a copy never writes into somebody else's file. */
  create(file: string): Promise<WriteHandle>;
  /**
   * The file's bytes in blocks. A block is valid only until the next one is asked for (the buffer is reused:
   * a backup reads gigabytes, and fresh buffers for each megabyte kept V8's collector busy).
   */
  read(file: string): AsyncIterable<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Makes a rename durable: the directory entry is synced, not only the file. */
  syncDir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ size: number; isDirectory: boolean }>;
  modifiedAt(file: string): Promise<Date>;
  freeBytes(dir: string): Promise<number | null>;
}

/** A file in 1 MiB blocks read into one reused buffer; each block is valid until the next is asked for. */
export async function* readBlocks(file: string, from = 0): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  const block = Buffer.allocUnsafe(1 << 20);
  try {
    for (let at = from; ;) {
      const { bytesRead } = await handle.read(block, 0, block.length, at);
      if (bytesRead === 0) return;
      at += bytesRead;
      yield block.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** What is left of `pieces` once their first `n` bytes are written (a write may take less than it was given). */
export function after(pieces: Uint8Array[], n: number): Uint8Array[] {
  const left: Uint8Array[] = [];
  for (const piece of pieces) {
    if (n >= piece.byteLength) n -= piece.byteLength;
    else {
      left.push(n > 0 ? piece.subarray(n) : piece);
      n = 0;
    }
  }
  return left;
}

export const nodeFs: BackupFs = {
  async create(file) {
    // Readable by the app's account only, whatever the drive's folder allows others.
    const handle = await fs.promises.open(file, 'wx+', 0o600);
    return {
      async write(data, position) {
        let pieces = data.filter((d) => d.byteLength > 0);
        for (let at = position; pieces.length > 0;) {
          const { bytesWritten } = await handle.writev(pieces, at);
          at += bytesWritten;
          pieces = after(pieces, bytesWritten);
        }
      },
      sync: () => handle.sync(),
      async readBack(into, position) {
        let n = 0;
        while (n < into.length) {
          const { bytesRead } = await handle.read(into, n, into.length - n, position + n);
          if (bytesRead === 0) break;
          n += bytesRead;
        }
        return n;
      },
      close: () => handle.close(),
    };
  },
  read: (file) => readBlocks(file),
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (file) => fs.promises.unlink(file),
  async syncDir(dir) {
    // Windows cannot open a directory for fsync; its rename is durable enough once the file was synced.
    if (process.platform === 'win32') return;
    const handle = await fs.promises.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  readdir: (dir) => fs.promises.readdir(dir),
  async stat(file) {
    const s = await fs.promises.stat(file);
    return { size: s.size, isDirectory: s.isDirectory() };
  },
  modifiedAt: async (file) => (await fs.promises.stat(file)).mtime,
  async freeBytes(dir) {
    try {
      const s = await fs.promises.statfs(dir);
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
  },
};

/** The Russian reason for a failed file operation on a destination, from Node's error code. */
export function describeFsError(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `Папка ${where} не найдена: носитель не подключён или папка удалена`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `На носителе ${where} не хватает места`;
    case 'EROFS':
      return `Носитель ${where} доступен только для чтения`;
    case 'EACCES':
    case 'EPERM':
      return `Нет прав на запись в папку ${where}`;
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
      return `Ошибка ввода-вывода на носителе ${where}: возможно, он извлечён во время записи`;
    case 'ENOTDIR':
      return `${where} — не папка`;
    default:
      return `Не удалось записать копию в ${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const partialPrefix = '.zhurnal-partial-';
