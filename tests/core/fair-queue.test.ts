import { describe, expect, it } from 'vitest';
import { createFairQueue, tooManyAttempts } from '../../src/core/auth/fair-queue';

/** A check that finishes only when the test says so, recording the order the checks started in. */
function controlled() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      finish.set(name, () => resolve(name));
    });
  const end = async (name: string) => {
    finish.get(name)!();
    // Let the queue's then/finally run before the next assertion.
    await new Promise((r) => setImmediate(r));
  };
  return { started, task, end };
}

describe('password checks taken in turns by source', () => {
  it('gives a second source the next free turn however many the first has waiting', async () => {
    const q = createFairQueue({ concurrency: 1, perSource: 10 });
    const c = controlled();
    const guesses = Array.from({ length: 8 }, (_, i) => q.run('lab-7', c.task(`guess${i}`)));
    const teacher = q.run('staffroom', c.task('teacher'));
    expect(c.started).toEqual(['guess0']);
    await c.end('guess0');
    expect(c.started).toEqual(['guess0', 'teacher']);
    await c.end('teacher');
    await expect(teacher).resolves.toBe('teacher');
    for (let i = 1; i < 8; i++) await c.end(`guess${i}`);
    await expect(Promise.all(guesses)).resolves.toHaveLength(8);
    expect(c.started.slice(2)).toEqual(['guess1', 'guess2', 'guess3', 'guess4', 'guess5', 'guess6', 'guess7']);
  });

  it('alternates between busy sources and runs as many at once as it may', async () => {
    const q = createFairQueue({ concurrency: 2, perSource: 10 });
    const c = controlled();
    for (let i = 0; i < 3; i++) void q.run('a', c.task(`a${i}`));
    for (let i = 0; i < 3; i++) void q.run('b', c.task(`b${i}`));
    expect(c.started).toEqual(['a0', 'a1']);
    expect(q.load()).toEqual({ running: 2, waiting: 4 });
    await c.end('a0');
    await c.end('a1');
    expect(c.started).toEqual(['a0', 'a1', 'b0', 'a2']);
  });

  it('refuses a source’s checks beyond its cap at once, in Russian, and keeps the others', async () => {
    const q = createFairQueue({ concurrency: 1, perSource: 2 });
    const c = controlled();
    const first = q.run('lab', c.task('1'));
    const queued = [q.run('lab', c.task('2')), q.run('lab', c.task('3'))];
    await expect(q.run('lab', c.task('4'))).rejects.toThrow(tooManyAttempts);
    const other = q.run('other', c.task('x'));
    await c.end('1');
    await expect(first).resolves.toBe('1');
    expect(c.started).toEqual(['1', 'x']);
    await c.end('x');
    await c.end('2');
    await c.end('3');
    await expect(Promise.all([...queued, other])).resolves.toEqual(['2', '3', 'x']);
    expect(c.started).not.toContain('4');
  });

  it('passes a failed check’s error to its caller and goes on with the next', async () => {
    const q = createFairQueue({ concurrency: 1, perSource: 5 });
    const failing = q.run('a', () => Promise.reject(new Error('hash failed')));
    const next = q.run('a', async () => 'ok');
    await expect(failing).rejects.toThrow('hash failed');
    await expect(next).resolves.toBe('ok');
    expect(q.load()).toEqual({ running: 0, waiting: 0 });
  });
});
