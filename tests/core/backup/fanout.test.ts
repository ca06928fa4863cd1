import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlockFanout, StalledError } from '../../../src/core/backup/fanout';

const block = (n: number) => Buffer.alloc(n, 1);

describe('the backup file handed from memory to several drives', () => {
  // A stall is measured in time: the test moves the clock instead of waiting for it.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('holds at most maxHeld bytes: the producer waits until the slowest drive has read back what it wrote', async () => {
    const fanout = new BlockFanout({ maxHeld: 3, stallMs: 60_000 });
    const fast = fanout.reader();
    const slow = fanout.reader();
    let pushed = 0;
    const producer = (async () => {
      for (let i = 0; i < 6; i++) {
        await fanout.push(block(1));
        pushed++;
      }
      fanout.end();
    })();
    // The fast drive takes and verifies everything it can; the slow one takes but has not verified yet.
    for (let i = 0; i < 4; i++) {
      await fast.take();
      fast.verified();
      await slow.take();
    }
    // Held short of its stall limit, the producer is still waiting for the slow drive.
    await vi.advanceTimersByTimeAsync(59_999);
    expect(pushed).toBe(3);
    slow.verified();
    for (let b = await fast.take(); b !== null; b = await fast.take()) fast.verified();
    for (let b = await slow.take(); b !== null; b = await slow.take()) slow.verified();
    await producer;
    expect(pushed).toBe(6);
  });

  it('drops a drive that takes nothing while blocks wait for it, but not one that only waits for the next block', async () => {
    const fanout = new BlockFanout({ maxHeld: 1, stallMs: 100 });
    const hung = fanout.reader();
    const waiting = fanout.reader();
    const taken: number[] = [];
    const consumer = (async () => {
      for (let b = await waiting.take(); b !== null; b = await waiting.take()) {
        taken.push(b.length);
        waiting.verified();
      }
    })();
    // The producer is slow: the waiting drive sits in take() longer than stallMs between blocks.
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(150);
      await fanout.push(block(2));
    }
    fanout.end();
    await consumer;
    expect(taken).toEqual([2, 2, 2]);
    await expect(hung.take()).rejects.toBeInstanceOf(StalledError);
  });

  it('tells every drive when the producer fails', async () => {
    const fanout = new BlockFanout();
    const a = fanout.reader();
    const b = fanout.reader();
    const failure = new Error('encryption failed');
    fanout.fail(failure);
    await expect(a.take()).rejects.toBe(failure);
    await expect(b.take()).rejects.toBe(failure);
  });
});
