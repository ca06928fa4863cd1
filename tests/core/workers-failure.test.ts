import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { errorOf, failureOf } from '../../src/core/workers/failure';

/** What a failure becomes after the trip a worker's answer makes (postMessage clones it structurally). */
const acrossThreads = (e: unknown) => errorOf(structuredClone(failureOf(e)));

describe('a failure on a worker thread, as the main thread gets it', () => {
  it('keeps an AppError whole: kind, Russian message and details', () => {
    const back = acrossThreads(new AppError('locked', 'Период закрыт', { periodId: 3 }));
    expect(back).toBeInstanceOf(AppError);
    expect((back as AppError).toShape()).toEqual({
      kind: 'locked',
      message: 'Период закрыт',
      details: { periodId: 3 },
    });
  });

  it('keeps the code of a SQLite or file error, by which the dispatcher names it in Russian', () => {
    const sql = new Database(':memory:');
    let thrown: unknown;
    try {
      sql.prepare('select * from nowhere').all();
    } catch (e) {
      thrown = e;
    }
    sql.close();
    const back = acrossThreads(thrown) as Error & { code?: string };
    expect(back).not.toBeInstanceOf(AppError);
    expect(back.code).toBe('SQLITE_ERROR');
    expect(back.message).toMatch(/no such table: nowhere/);
    const enospc = acrossThreads(
      Object.assign(new Error('no space'), { code: 'ENOSPC', path: '/media/stick/x.pdf' }),
    ) as Error & { code?: string; path?: string };
    expect([enospc.code, enospc.path]).toEqual(['ENOSPC', '/media/stick/x.pdf']);
  });
});
