// The secretary keeps the class lists: she opens «Загрузка списков» from her own navigation, loads a list into
// 5А by an order, and is never offered the teachers' list (accounts) or new classes (structure): the admin's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { cp1251, csv } from '../helpers/import-files';
import { tempDir } from '../helpers/temp';

describe('the secretary imports a class list', () => {
  const h = browserHarness('2026-11-24');
  const dir = tempDir();

  it('loads two newcomers into 5А from a Windows-1251 CSV; no teachers’ tab', async () => {
    const { page } = h;
    const file = path.join(dir, '5А-новые.csv');
    fs.writeFileSync(
      file,
      cp1251(
        csv([
          ['ФИО', 'Дата рождения'],
          ['Новикова Алиса Романовна', '14.05.2015'],
          ['Орлов Тимур Денисович', '02.12.2015'],
        ]),
      ),
    );
    await h.logIn('secretary');
    await page.getByTestId('nav-imports').click();
    await page.getByRole('heading', { name: 'Загрузка списков', level: 1 }).waitFor();
    expect(await page.getByText('Учителя', { exact: true }).count()).toBe(0);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-file').click();
    await (await chooser).setFiles(file);
    await page.getByLabel('Номер приказа').fill('201-у');
    await page.getByLabel('Дата приказа').fill('2026-11-24');
    await page.getByLabel('Все строки — в класс').fill('5А');
    // A class the year lacks is the admin's to create: the secretary is not offered it.
    expect(await page.getByText('Создать классы, которых ещё нет в этом учебном году').count()).toBe(0);
    await page.getByRole('button', { name: 'Проверить строки' }).click();
    await expect.poll(() => page.getByTestId('import-counts').innerText()).toMatch(/Новых: 2/i);
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').innerText()).toMatch(/Добавлено: 2/);
    const shot = path.join(dir, 'secretary-import.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.ZHURNAL_SCREENSHOTS)
      fs.copyFileSync(shot, path.join(process.env.ZHURNAL_SCREENSHOTS, 'secretary-import.png'));
    const rows = h.core.db.$client
      .prepare(
        "select m.order_number as o from student_movements m join students s on s.id = m.student_id where s.last_name in ('Новикова', 'Орлов') and m.kind = 'enrolled'",
      )
      .all();
    expect(rows).toEqual([{ o: '201-у' }, { o: '201-у' }]);
  });
});
