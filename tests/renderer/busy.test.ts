import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { createBusyTracker, isRetryable } from '../../src/renderer/src/api/busy';

const busy = () => new AppError('conflict', 'База данных занята другой программой', { retryable: true });

describe('a call refused for a busy database', () => {
  it('is sent again until it goes through, and the waiting count says so meanwhile', async () => {
    const tracker = createBusyTracker();
    const seen: number[] = [];
    tracker.subscribe(() => seen.push(tracker.waiting()));
    let calls = 0;
    const waits: number[] = [];
    const value = await tracker.retry(
      async () => {
        calls += 1;
        if (calls < 3) throw busy();
        return 'сохранено';
      },
      [10, 20, 40],
      async (ms) => void waits.push(ms),
    );
    expect(value).toBe('сохранено');
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 20]);
    expect(seen).toEqual([1, 0, 1, 0]);
    expect(tracker.waiting()).toBe(0);
  });

  it('gives up after the last pause with the server’s own message', async () => {
    const tracker = createBusyTracker();
    let calls = 0;
    const failing = tracker.retry(
      async () => {
        calls += 1;
        throw busy();
      },
      [1, 1],
      async () => undefined,
    );
    await expect(failing).rejects.toThrow('База данных занята другой программой');
    expect(calls).toBe(3);
  });

  it('never repeats any other refusal: it may have changed something, or would fail the same way', async () => {
    const tracker = createBusyTracker();
    let calls = 0;
    const refused = tracker.retry(
      async () => {
        calls += 1;
        throw new AppError('conflict', 'Урок уже проведён');
      },
      [1],
      async () => undefined,
    );
    await expect(refused).rejects.toThrow('Урок уже проведён');
    expect(calls).toBe(1);
    expect(isRetryable(new AppError('io', 'Нет места', { retryable: false }))).toBe(false);
    expect(isRetryable(new Error('busy'))).toBe(false);
  });
});
