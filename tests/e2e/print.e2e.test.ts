// The print screen in Chromium over the demo school: a class checked and printed, the file read back, and the
// whole school with its act. Screenshots go to $ZHURNAL_SCREENSHOTS when set (for looking at them).
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { pdfPageCount, pdfPages } from '../helpers/pdf';

const shot = async (page: Page, name: string) => {
  if (process.env.ZHURNAL_SCREENSHOTS)
    await page.screenshot({ path: path.join(process.env.ZHURNAL_SCREENSHOTS, `${name}.png`), fullPage: true });
};

/** Clicks a «Скачать» and waits for the browser's download: its suggested name and where it was saved. */
async function download(page: Page, button: Locator): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

describe('the print screen in Chromium', () => {
  const h = browserHarness('2026-05-30');

  it('checks 5А, prints its book with the sheet count the PDF has, and the browser downloads it', async () => {
    const { page } = h;
    // A lab computer's screen.
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.logIn('secretary');
    await page.getByTestId('nav-print').click();
    await page.getByTestId('print-screen').waitFor();
    await page.getByRole('textbox', { name: 'Класс' }).click();
    await page.getByRole('option', { name: /^5А/ }).click();
    await page.getByRole('button', { name: 'Проверить перед печатью' }).click();
    await page.getByTestId('preflight-issues').or(page.getByTestId('preflight-ok')).waitFor({ timeout: 30_000 });
    const issues = await page.getByTestId('preflight-issue').count();
    // The secretary reads no marks: the journals are named, not opened.
    expect(await page.getByTestId('preflight-link').count()).toBe(0);

    await page.getByLabel(/Двусторонняя печать/).check();
    await page.getByRole('button', { name: 'Напечатать журнал класса' }).click();
    await page.getByTestId('class-book').waitFor({ timeout: 60_000 });
    const summary = await page.getByTestId('class-book').innerText();
    const file = (await page.getByTestId('printed-file').innerText()).replace(/^Файл:\s*/, '').trim();
    const pages = pdfPageCount(file);
    expect(summary).toContain(`страниц ${pages}, листов ${Math.ceil(pages / 2)}`);
    expect(pdfPages(file).at(-1)).toMatch(issues ? /ЧЕРНОВИК: / : /скреплено печатью/);
    // No viewer or printer of the server's to offer: the book comes to this computer.
    expect(await page.getByRole('button', { name: 'Открыть' }).count()).toBe(0);
    const downloaded = await download(page, page.getByTestId('class-book').getByTestId('download-file'));
    expect(downloaded.name).toBe(path.basename(file));
    expect(fs.readFileSync(downloaded.path).equals(fs.readFileSync(file))).toBe(true);
    expect(pdfPageCount(downloaded.path)).toBe(pages);
    expect(pdfPages(downloaded.path)[0]).toMatch(/КЛАССНЫЙ ЖУРНАЛ\s+5 «А» класса/);
    await shot(page, 'print-class');
  });

  it('links each preflight line to the journal concerned, and the administrator lands in it', async () => {
    const { page } = h;
    // A held lesson of 5А without its topic: a line the check must list, whatever else the demo year leaves open.
    h.core.db.$client
      .prepare(
        `update lessons set topic = null where id = (select l.id from lessons l join assignments a on a.id = l.assignment_id
           join classes c on c.id = a.class_id where c.grade = 5 and c.letter = 'А' and l.status = 'held' order by l.date limit 1)`,
      )
      .run();
    await h.logIn('admin');
    await page.getByTestId('nav-print').click();
    await page.getByTestId('print-screen').waitFor();
    await page.getByRole('textbox', { name: 'Класс' }).click();
    await page.getByRole('option', { name: /^5А/ }).click();
    await page.getByRole('button', { name: 'Проверить перед печатью' }).click();
    const link = page.getByTestId('preflight-link').first();
    await link.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('preflight-link').count()).toBe(await page.getByTestId('preflight-issue').count());
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^#\/journal\?assignment=\d+/);
    const subject = await link.innerText();
    await link.click();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#\/journal\/5А\//);
    // The journal opened is the one the line names.
    await expect
      .poll(() => page.getByTestId('assignment-select').inputValue())
      .toContain(subject.replace(/ \(.*\)$/, ''));
    await shot(page, 'print-preflight-journal');
  });

  it('prints the whole school with progress, every class listed, and the act', async () => {
    const { page } = h;
    await h.logIn('secretary');
    await page.getByTestId('nav-print').click();
    await page.getByRole('button', { name: 'Напечатать журналы всех классов и акт передачи' }).click();
    await page.getByTestId('school-job').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId('school-status').innerText(), { timeout: 120_000 })
      .toMatch(/^Готово: журналов 11 из 11/);
    expect(await page.getByTestId('school-books').locator('tr').count()).toBe(11);
    const act = (await page.getByTestId('printed-file').innerText()).replace(/^Акт передачи:\s*/, '').trim();
    expect(fs.existsSync(act)).toBe(true);
    expect(pdfPages(act).join('\n')).toContain('Всего передано журналов: 11');
    // The act and each class's book come to the browser's computer.
    const actCopy = await download(page, page.getByTestId('school-act').getByTestId('download-file'));
    expect(pdfPages(actCopy.path).join('\n')).toContain('Всего передано журналов: 11');
    const first = page.getByTestId('school-books').locator('tr').first();
    const book = await download(page, first.getByTestId('download-file'));
    expect(book.name).toBe(`${(await first.locator('td').first().innerText()).trim()}.pdf`);
    expect(pdfPageCount(book.path)).toBeGreaterThan(10);
    await shot(page, 'print-school');
  }, 180_000);
});
