import fs from 'node:fs';

const block = 1 << 20;

/**
 * The backup file while it is being written in the work folder. Each destination's copy reads it as it grows,
 * so writing the drives overlaps the encryption, and a slow or hung drive never holds the encryption (or the
 * other drives) back: every copy reads at its own pace from the file, mostly still in the page cache.
 */
export class GrowingFile {
  private written = 0;
  private state: 'growing' | 'done' | Error = 'growing';
  private waiting: (() => void)[] = [];

  /** `bytes`: the size it will have, known ahead (a drive's free space is checked before it is written). */
  constructor(
    readonly file: string,
    readonly bytes: number,
  ) {}

  /** A file already complete. */
  static complete(file: string, bytes: number): GrowingFile {
    const f = new GrowingFile(file, bytes);
    f.grew(bytes);
    f.end();
    return f;
  }

  grew(n: number): void {
    this.written += n;
    this.wake();
  }

  end(): void {
    this.state = 'done';
    this.wake();
  }

  fail(error: Error): void {
    this.state = error;
    this.wake();
  }

  private wake() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Its bytes, in order, as they are written; throws what the writer failed with. Each chunk is valid until the next. */
  async *chunks(): AsyncGenerator<Buffer> {
    // The writer creates the file; it surely exists once the first bytes are in it.
    while (this.written === 0 && this.state === 'growing') await this.changed();
    const fd = await fs.promises.open(this.file, 'r');
    // Reused: each chunk is valid until the next is asked for, like BackupFs.read's.
    const buffer = Buffer.allocUnsafe(block);
    try {
      let at = 0;
      for (;;) {
        if (this.state instanceof Error) throw this.state;
        if (at < this.written) {
          const { bytesRead } = await fd.read(buffer, 0, Math.min(block, this.written - at), at);
          if (bytesRead === 0) throw new Error(`${this.file} is shorter than written`);
          at += bytesRead;
          yield buffer.subarray(0, bytesRead);
        } else if (this.state === 'done') {
          return;
        } else {
          await this.changed();
        }
      }
    } finally {
      await fd.close();
    }
  }
}
