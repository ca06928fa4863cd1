// A school from nothing: the first-start wizard on an empty database, the admin's first login, two class lists
// imported (an XLSX with date cells and a CSV in Windows-1251 with a bad row skipped on purpose), the teachers
// with their printed one-time passwords, and the class lists as the secretary's «Движение учащихся» shows them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarness } from '../helpers/browser';
import { cp1251, csv, xlsx } from '../helpers/import-files';
import { tempDir } from '../helpers/temp';
import { screenshot } from '../helpers/screenshot';

describe('a new school in Chromium', () => {
  const h = browserHarness('2025-09-10', { empty: true });
  const shot = (name: string) => screenshot(h.page, name, { fullPage: true });
  // The first test's printed one-time password of the mathematics teacher, for the second test's first login.
  let teacherPassword = '';
  const count = (sql: string) =>
    (h.core.db.$client.prepare(`select count(*) as n from ${sql}`).get() as { n: number }).n;

  it('creates the school through the wizard, imports 5А from XLSX and 5Б from a Windows-1251 CSV, and lists them', async () => {
    const { page } = h;
    await page
      .getByLabel('Полное название школы (как в уставе)')
      .fill('Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 12»');
    await page.getByLabel('Краткое название').fill('МБОУ СШ № 12');
    await page.getByLabel('Директор (ФИО полностью)').fill('Корнеева Ирина Васильевна');
    await page.getByLabel('Адрес').fill('г. Энск, ул. Садовая, 4');
    await shot('wizard-1-school.png');
    await page.getByRole('button', { name: 'Далее' }).click();

    // The proposed year: 2025/2026, quarters for 1–9, half-years for 10–11; the 9th grade moves to trimesters.
    await expect.poll(() => page.getByLabel('Учебный год').inputValue()).toBe('2025/2026');
    await page.getByTestId('grade-scheme-9').click();
    await page.getByRole('option', { name: 'триместры' }).click();
    await expect.poll(() => page.getByTestId('periods-trimesters').innerText()).toMatch(/3 триместр/);
    await shot('wizard-2-year.png');
    await page.getByRole('button', { name: 'Далее' }).click();
    await expect.poll(() => page.getByLabel('Название каникул').first().inputValue()).toBe('Осенние каникулы');
    await shot('wizard-3-holidays.png');
    await page.getByRole('button', { name: 'Далее' }).click();

    await page.getByLabel('Фамилия').fill('Админова');
    await page.getByLabel('Имя').fill('Светлана');
    await page.getByLabel('Логин администратора').fill('admin');
    await page.getByLabel('Пароль', { exact: true }).fill('школа-2025');
    await page.getByLabel('Пароль ещё раз').fill('школа-2026');
    await page.getByRole('button', { name: 'Создать школу' }).click();
    await expect.poll(() => page.getByText('Пароли не совпадают').count()).toBe(1);
    await page.getByLabel('Пароль ещё раз').fill('школа-2025');
    await shot('wizard-4-admin.png');
    await page.getByRole('button', { name: 'Создать школу' }).click();

    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(count("grade_period_schemes where grade = 9 and scheme = 'trimesters'")).toBe(1);
    expect(count('holidays')).toBeGreaterThan(5);
    await h.logIn('admin', 'школа-2025');
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-tab-school').click();
    await expect.poll(() => page.getByLabel('Директор (ФИО полностью)').inputValue()).toBe('Корнеева Ирина Васильевна');
    await shot('admin-school.png');

    // 5А from an XLSX: the columns guessed from the headers, the class created on request.
    const files = tempDir();
    const xlsxFile = path.join(files, '5А.xlsx');
    fs.writeFileSync(
      xlsxFile,
      await xlsx([
        ['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс', 'Пол'],
        ['Алексеева', 'Анна', 'Игоревна', new Date(Date.UTC(2014, 4, 3)), '5А', 'ж'],
        ['Борисов', 'Глеб', 'Олегович', new Date(Date.UTC(2014, 8, 21)), '5А', 'м'],
        ['Воронина', 'Дарья', '', new Date(Date.UTC(2015, 0, 9)), '5А', 'ж'],
      ]),
    );
    await page.getByTestId('nav-imports').click();
    const upload = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('import-file').click();
      await (await chooser).setFiles(file);
    };
    await upload(xlsxFile);
    await page.getByLabel('Номер приказа').fill('45-у');
    await page.getByLabel('Дата приказа').fill('2025-09-01');
    await page.getByLabel('Создать классы, которых ещё нет в этом учебном году').check();
    await page.getByRole('button', { name: 'Проверить строки' }).click();
    await expect.poll(() => page.getByTestId('import-counts').innerText()).toMatch(/Новых: 3/i);
    await expect.poll(() => page.getByText('Будут созданы классы: 5А').count()).toBe(1);
    await shot('import-xlsx-preview.png');
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').innerText()).toMatch(/Добавлено: 3.*созданы классы: 5А/);

    // 5Б from a CSV in Windows-1251 with «;», one row with an impossible date: refused until skipped on purpose.
    const csvFile = path.join(files, '5Б.csv');
    fs.writeFileSync(
      csvFile,
      cp1251(
        csv([
          ['ФИО', 'Дата рождения', 'Класс'],
          ['Григорьев Егор Павлович', '12.02.2014', '5Б'],
          ['Дмитриева Ёлка Сергеевна', '31.02.2014', '5Б'],
          ['Ершова Жанна Ильинична', '07.11.2014', '5 «Б»'],
        ]),
      ),
    );
    await upload(csvFile);
    await expect.poll(() => page.getByTestId('map-fullName').inputValue()).toMatch(/ФИО/);
    await page.getByRole('button', { name: 'Проверить строки' }).click();
    await expect
      .poll(() => page.getByTestId('import-preview').innerText())
      .toMatch(/Дата рождения «31.02.2014» не читается/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot('import-csv-errors.png');
    await page.getByTestId('import-skip').check();
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.getByTestId('import-done').innerText())
      .toMatch(/Добавлено: 2; уже были: 0; пропущено строк с ошибками: 1/);
    expect(count('students')).toBe(5);
    expect(count("student_movements where kind = 'enrolled' and order_number = '45-у'")).toBe(5);

    // The same XLSX again adds nobody.
    await upload(xlsxFile);
    await page.getByRole('button', { name: 'Проверить строки' }).click();
    await expect.poll(() => page.getByTestId('import-counts').innerText()).toMatch(/Новых: 0.*Уже есть: 3/is);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    // Teachers: accounts with one-time passwords on a printable sheet.
    const teachersFile = path.join(files, 'учителя.csv');
    fs.writeFileSync(
      teachersFile,
      csv(
        [
          ['Фамилия', 'Имя', 'Отчество', 'Предметы'],
          ['Лебедева', 'Марина', 'Юрьевна', 'Математика'],
          ['Морозов', 'Никита', 'Андреевич', 'Русский язык, литература'],
        ],
        ',',
      ),
    );
    await page.getByText('Учителя', { exact: true }).click();
    await upload(teachersFile);
    await page.getByRole('button', { name: 'Проверить строки' }).click();
    await expect
      .poll(() => page.getByTestId('import-preview').innerText())
      .toContain('Морозов Никита Андреевич (morozov.na) — Русский язык (новый предмет), Литература (новый предмет)');
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.getByTestId('import-done').innerText())
      .toContain('в «Предметы» добавлены: Математика, Русский язык, Литература');
    await expect
      .poll(() => page.getByTestId('passwords-sheet').innerText())
      .toMatch(/Лебедева Марина Юрьевна\s+lebedeva\.miu\s+[a-z0-9]{10}/);
    teacherPassword = /lebedeva\.miu\s+([a-z0-9]{10})/.exec(await page.getByTestId('passwords-sheet').innerText())![1]!;
    await shot('import-teachers-passwords.png');

    // The class lists, as «Движение учащихся» shows them.
    await page.getByTestId('nav-movement').click();
    await page.getByTestId('movement-class').click();
    await page.getByRole('option', { name: '5Б', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('class-roll').innerText())
      .toMatch(/Григорьев Егор Павлович[\s\S]*Ершова Жанна Ильинична/);
    expect(await page.getByTestId('class-roll').innerText()).not.toMatch(/Дмитриева/);
    await page.getByTestId('movement-class').click();
    await page.getByRole('option', { name: '5А', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('class-roll').innerText())
      .toMatch(/Алексеева Анна Игоревна[\s\S]*Борисов Глеб Олегович[\s\S]*Воронина Дарья/);
    await shot('class-roll-5a.png');
  }, 120_000);

  it('the same school to its first recorded lesson: subject, plan, class teacher, assignment, timetable, the teacher’s day', async () => {
    const { page } = h;
    const choose = async (testId: string, option: string) => {
      await page.getByTestId(testId).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await h.logIn('admin', 'школа-2025');
    await page.getByTestId('nav-admin').click();
    // The subjects came with the teachers' list, each with a short name for the journal's narrow columns.
    await page.getByTestId('admin-tab-subjects').click();
    await expect
      .poll(() => page.getByTestId('subjects-table').innerText())
      .toMatch(/Математика\s+Мат\.[\s\S]*Русский язык\s+Рус\. язык[\s\S]*Литература\s+Лит\./);
    await shot('first-subjects.png');

    await page.getByTestId('admin-tab-curriculum').click();
    await page.getByRole('button', { name: 'Добавить предмет в план' }).click();
    await page.getByLabel('Часов в неделю').fill('5');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('curriculum-table').innerText()).toMatch(/Математика\s+5\s+170/);
    await shot('first-curriculum.png');

    await page.getByTestId('admin-tab-classes').click();
    await page.getByRole('button', { name: 'Изменить: 5А' }).click();
    await page.getByRole('textbox', { name: 'Классный руководитель' }).click();
    await page.getByRole('option', { name: 'Лебедева М. Ю.' }).click();
    await page.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('class-5А').innerText()).toContain('Лебедева');
    await shot('first-classes.png');

    await page.getByTestId('admin-tab-assignments').click();
    await choose('class-select', '5А');
    // Mathematics is in the plan without a teacher: the dialog proposes it, and the teacher the list gave for it.
    await page.getByRole('button', { name: 'Добавить нагрузку' }).click();
    expect(await page.getByTestId('assignment-subject').inputValue()).toBe('Математика');
    expect(await page.getByTestId('assignment-teacher').inputValue()).toBe('Лебедева М. Ю.');
    await page.getByTestId('assignment-teacher').click();
    await expect
      .poll(() => page.getByRole('listbox').innerText())
      .toMatch(/Ведут этот предмет\s+Лебедева М\. Ю\.\s+Другие учителя\s+Морозов Н\. А\./);
    await shot('first-assignment-dialog.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('edit-save').click();
    await expect
      .poll(() => page.getByTestId('assignments-table').innerText())
      .toMatch(/Математика[\s\S]*Лебедева М\. Ю\./);
    await page.getByTestId('edit-save').waitFor({ state: 'detached' });
    await shot('first-assignments.png');

    // Wednesday the 10th: the first lesson; Monday and Friday too.
    await page.getByTestId('admin-tab-timetable').click();
    await choose('class-select', '5А');
    for (const day of [1, 3, 5]) {
      await page.getByTestId(`cell-${day}-1`).click();
      await page.getByTestId('cell-add').click();
      await page.getByTestId('cell-room-0').fill('12');
      await page.getByTestId('cell-done').click();
    }
    await page.getByTestId('timetable-save').click();
    await expect
      .poll(() => page.getByTestId('timetable-result').innerText())
      .toMatch(/С 10\.09\.2025: создано уроков — \d+/);
    await shot('first-timetable.png');
    expect(count("lessons where date = '2025-09-10' and lesson_number = 1")).toBe(1);
    await page.getByTestId('result-close').click();
    await page.getByRole('button', { name: 'Выйти' }).click();

    // The teacher's first login: the printed one-time password, then her own.
    await page.getByLabel('Логин').fill('lebedeva.miu');
    await page.getByLabel('Пароль').fill(teacherPassword);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByLabel('Временный пароль').fill(teacherPassword);
    await page.getByLabel('Новый пароль', { exact: true }).fill('Лебедева2025');
    await page.getByLabel('Новый пароль ещё раз').fill('Лебедева2025');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await page.getByTestId('navigation').waitFor();
    const lessonId = (
      h.core.db.$client.prepare("select id from lessons where date = '2025-09-10'").get() as { id: number }
    ).id;
    await expect.poll(() => page.getByTestId('day-lessons').innerText()).toContain('5А · Математика');
    await shot('first-my-day.png');

    // The lesson: topic, homework, a mark for the first student and an absence for the second.
    await page.getByTestId(`open-lesson-${lessonId}`).click();
    await page.getByTestId('lesson-panel').waitFor();
    await page.getByTestId('lesson-topic').fill('Натуральные числа и шкалы');
    await page.getByTestId('lesson-topic').press('Enter');
    await page.getByTestId('lesson-homework').fill('п. 1, № 5, 7');
    await page.getByTestId('lesson-homework').press('Enter');
    const students = h.core.db.$client
      .prepare("select id from students where last_name in ('Алексеева', 'Борисов') order by last_name")
      .all() as { id: number }[];
    await page.getByTestId(`cell-${students[0]!.id}-${lessonId}`).click();
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await page.getByTestId(`cell-${students[1]!.id}-${lessonId}`).click();
    await page.keyboard.type('y'); // «н» is the key Y when the keyboard is left on the Latin layout
    await page.keyboard.press('Enter');
    await expect.poll(() => count(`absences where lesson_id = ${lessonId} and code = 'н'`)).toBe(1);
    await expect.poll(() => count(`marks where lesson_id = ${lessonId} and value1 = '5'`)).toBe(1);
    await shot('first-lesson.png');

    await page.reload();
    await page.getByTestId('journal-grid').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('lesson-topic').inputValue()).toBe('Натуральные числа и шкалы');
    expect(await page.getByTestId('lesson-homework').inputValue()).toBe('п. 1, № 5, 7');
    expect((await page.getByTestId(`cell-${students[0]!.id}-${lessonId}`).innerText()).trim()).toBe('5');
    expect((await page.getByTestId(`cell-${students[1]!.id}-${lessonId}`).innerText()).trim()).toBe('н');
    await shot('first-lesson-reloaded.png');
  }, 120_000);
});
