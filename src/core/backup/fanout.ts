/**
 * The backup file's blocks handed from memory to every destination at once. Before, the file was written to
 * the work folder and each drive's copy read it from there: one more write of the whole file, and three more
 * reads. Now each block stays in memory only until every drive has written it, synced it and read it back
 * equal; so at most `maxHeld` bytes are held, and the producer waits while the slowest drive is that far
 * behind (on real drives the slowest sets the pace anyway: the backup is over when the last one is).
 *
 * A drive that takes nothing for `stallMs` while the others wait for it (a hung network share, a stick that
 * stopped answering) is dropped: its copy fails with that reason, and the others go on.
 */
export class StalledError extends Error {}

export interface FanoutOptions {
  maxHeld?: number;
  stallMs?: number;
}

interface Reader {
  /** Index of the next block it takes. */
  next: number;
  /** Index of the first block it still needs (written but not yet read back). */
  held: number;
  lastActive: number;
  dropped: Error | null;
  wake: (() => void) | null;
}

/** What the fanout holds: a buffer, or anything that says its length in bytes. */
export interface Sized {
  readonly length: number;
}

export class BlockFanout<T extends Sized = Buffer> {
  private blocks: T[] = [];
  /** Absolute index of blocks[0]. */
  private first = 0;
  private heldBytes = 0;
  private readers: Reader[] = [];
  private state: 'open' | 'done' | Error = 'open';
  private producerWake: (() => void) | null = null;
  readonly maxHeld: number;
  private readonly stallMs: number;
  /** Told of each block once no drive needs it any more (its memory may be used again). */
  onRelease: ((block: T) => void) | null = null;

  constructor(options: FanoutOptions = {}) {
    this.maxHeld = options.maxHeld ?? 64 << 20;
    this.stallMs = options.stallMs ?? 30_000;
  }

  /** A reader for one destination; all readers must be made before the first push. */
  reader(): BlockReader<T> {
    const r: Reader = { next: 0, held: 0, lastActive: Date.now(), dropped: null, wake: null };
    this.readers.push(r);
    return new BlockReader<T>(this, r);
  }

  /** Hands a block (which must not be changed afterwards) to every reader; waits while too much is held. */
  async push(block: T): Promise<void> {
    this.blocks.push(block);
    this.heldBytes += block.length;
    this.wakeReaders();
    // Every destination failed: nothing is held for anybody.
    if (this.live().length === 0) this.release();
    while (this.heldBytes > this.maxHeld && this.live().length > 0) {
      const slowest = this.live().reduce((a, b) => (a.held <= b.held ? a : b));
      const idle = Date.now() - slowest.lastActive;
      if (idle >= this.stallMs) {
        this.drop(slowest, new StalledError('stalled'));
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.stallMs - idle);
        this.producerWake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.producerWake = null;
    }
  }

  end(): void {
    this.state = 'done';
    this.wakeReaders();
  }

  /** The producer failed: every reader throws this at its next block. */
  fail(error: Error): void {
    this.state = error;
    this.wakeReaders();
  }

  private live() {
    return this.readers.filter((r) => !r.dropped);
  }

  private wakeReaders() {
    for (const r of this.readers) {
      const wake = r.wake;
      if (!wake) continue;
      r.wake = null;
      // It was waiting for this block, not stalled: its time to take it starts now.
      r.lastActive = Date.now();
      wake();
    }
  }

  /** Frees the blocks no live reader still needs, and lets a waiting producer go on. */
  private release() {
    const live = this.live();
    const keepFrom = live.length === 0 ? this.first + this.blocks.length : Math.min(...live.map((r) => r.held));
    while (this.first < keepFrom) {
      const block = this.blocks.shift()!;
      this.heldBytes -= block.length;
      this.first++;
      this.onRelease?.(block);
    }
    const wake = this.producerWake;
    this.producerWake = null;
    wake?.();
  }

  /** @internal */ drop(r: Reader, error: Error) {
    if (r.dropped) return;
    r.dropped = error;
    this.release();
    const wake = r.wake;
    r.wake = null;
    wake?.();
  }

  /** @internal */ async take(r: Reader): Promise<T | null> {
    for (;;) {
      if (r.dropped) throw r.dropped;
      if (this.state instanceof Error) throw this.state;
      if (r.next < this.first + this.blocks.length) {
        r.lastActive = Date.now();
        return this.blocks[r.next++ - this.first]!;
      }
      if (this.state === 'done') return null;
      await new Promise<void>((resolve) => (r.wake = resolve));
    }
  }

  /** @internal */ verified(r: Reader, count: number) {
    if (count < r.held || count > r.next) throw new Error('verified blocks not taken, or verified twice');
    r.held = count;
    r.lastActive = Date.now();
    this.release();
  }
}

/** One destination's view: blocks in order, then a release once they are safely on its drive. */
export class BlockReader<T extends Sized = Buffer> {
  constructor(
    private readonly fanout: BlockFanout<T>,
    private readonly r: Reader,
  ) {}

  /** The next block, or null at the end; throws the producer's error, or StalledError once dropped. */
  take(): Promise<T | null> {
    return this.fanout.take(this.r);
  }

  /**
   * The first `count` blocks taken (every block taken so far when not given) are on the drive and read back:
   * they may be freed.
   */
  verified(count?: number): void {
    this.fanout.verified(this.r, count ?? this.r.next);
  }

  /** This destination needs no more blocks (it finished or failed): it never holds the others back again. */
  close(): void {
    this.fanout.drop(this.r, new Error('closed'));
  }
}
