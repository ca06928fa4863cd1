// A teacher saves a mark while another program holds the journal's write lock for longer than the server
// waits: the mark stays in its cell, the screen says the database is busy, and the save goes through by itself
// once the lock is free — nothing typed is lost and no «Внутренняя ошибка» is shown.
import { describe, expect, it } from 'vitest';
import { startLockHolder } from '../helpers/lock-holder';
import { browserHarness } from '../helpers/browser';
import { blankCell } from '../helpers/demo-cells';

const today = '2026-11-24';

describe('saving while the database is busy', () => {
  const h = browserHarness(today);

  it('keeps the typed mark, says the database is busy, and saves it once the lock is free', async () => {
    const { page } = h;
    const sql = h.core.db.$client;
    const cell = blankCell(sql, today);
    const saved = () =>
      sql.prepare('select value1 from marks where lesson_id = ? and student_id = ?').get(cell.lessonId, cell.studentId);

    await h.logIn('uchitel');
    await page.goto(`${page.url().split('#')[0]}#/journal?assignment=${cell.assignmentId}&lesson=${cell.lessonId}`);
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });

    const holder = await startLockHolder(sql.name, 'hold');

    const shown = page.getByTestId(`cell-${cell.studentId}-${cell.lessonId}`);
    await shown.click();
    await page.getByTestId('grid-scroll').focus();
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'База данных занята' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await shown.innerText()).toBe('5');
    expect(saved()).toBeUndefined();
    await page.screenshot({ path: 'test-results/busy-notice.png' });

    expect(await holder.stop()).toBe('released');
    await expect.poll(saved, { timeout: 30_000 }).toEqual({ value1: '5' });
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await shown.innerText()).toBe('5');
    expect(await page.getByTestId('error-alert').count()).toBe(0);
  });
});
