import { describe, expect, it } from 'vitest';
import { inlineComparer, startComparer } from '../../../src/core/backup/compare';

describe("comparing a drive's read-back on a thread of its own", () => {
  it('finds equal and unequal pieces of shared memory, and compares other buffers here', async () => {
    const comparer = startComparer();
    try {
      const written = Buffer.from(new SharedArrayBuffer(1 << 20));
      written.fill(7);
      const back = comparer.scratch(2 << 20);
      back.fill(7, 0, 1 << 20);
      expect(back.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(await comparer.equal(back.subarray(0, 1 << 20), written)).toBe(true);
      // One byte in the middle differs, as a failing flash cell would give it back.
      back[1 << 19] = 8;
      expect(await comparer.equal(back.subarray(0, 1 << 20), written)).toBe(false);
      // Two answers asked at once come back to their own questions.
      const both = await Promise.all([
        comparer.equal(back.subarray(0, 1000), written.subarray(0, 1000)),
        comparer.equal(back.subarray(1 << 19, (1 << 19) + 1000), written.subarray(0, 1000)),
      ]);
      expect(both).toEqual([true, false]);
      // Not in shared memory (the manifest): compared on this thread, the same way.
      expect(await comparer.equal(Buffer.from('манифест'), Buffer.from('манифест'))).toBe(true);
      expect(await comparer.equal(Buffer.from('манифест'), Buffer.from('манифесТ'))).toBe(false);
    } finally {
      await comparer.stop();
    }
  });

  it('fails what it was asked once its thread is gone, rather than leaving the copy waiting', async () => {
    const comparer = startComparer();
    const a = comparer.scratch(16);
    await comparer.stop();
    await expect(comparer.equal(a, comparer.scratch(16))).rejects.toThrow('поток сравнения');
    expect(await inlineComparer.equal(Buffer.from('a'), Buffer.from('a'))).toBe(true);
  });
});
