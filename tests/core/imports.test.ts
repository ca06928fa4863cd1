import { describe, expect, it } from 'vitest';
import { markYearClosed } from '../../src/core/years/closed';
import { contract } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { b64, cp1251, csv, studentRows, xlsx } from '../helpers/import-files';
import { header, setUp } from '../helpers/import-school';

describe('class lists from XLSX and CSV: mapped, previewed, written all at once, and again changes nothing', () => {
  const { core, counts, run, api, ready } = setUp();

  it('guesses the columns from Russian headers and reads XLSX date cells', async () => {
    const book = await xlsx([
      ['№', 'Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс', 'Пол', '№ личного дела'],
      [1, 'Иванова', 'Мария', 'Петровна', new Date(Date.UTC(2014, 2, 12)), '5А', 'ж', 'И-12'],
      [2, 'Петров', 'Пётр', 'Ильич', '03.07.2014', '5 «А»', 'м', 'П-7'],
    ]);
    await ready;
    const res = await api.send(contract.imports.inspect, {
      kind: 'students',
      fileName: 'список.xlsx',
      contentBase64: b64(book),
    });
    expect(res).toMatchObject({
      ok: true,
      value: {
        rows: 2,
        mapping: {
          lastName: 1,
          firstName: 2,
          middleName: 3,
          birthDate: 4,
          className: 5,
          gender: 6,
          personalFileNo: 7,
          fullName: null,
        },
      },
    });
    const preview = await run('список.xlsx', book, 'preview');
    expect(preview).toMatchObject({ ok: true, value: { total: 2, new: 2, exists: 0, errors: 0 } });
    expect(preview.ok && preview.value.rows.map((r) => r.summary)).toEqual([
      'Иванова Мария Петровна, 12.03.2014, 5А',
      'Петров Пётр Ильич, 03.07.2014, 5А',
    ]);
    expect(counts().students).toBe(0);
  });

  it('writes the students, their enrollment from the order and the «зачислен» movement; the same file again changes nothing', async () => {
    const book = await xlsx([
      header,
      ['Иванова', 'Мария', 'Петровна', new Date(Date.UTC(2014, 2, 12)), '5А', 'ж'],
      ['Петров', 'Пётр', 'Ильич', '03.07.2014', '5Б', 'м'],
    ]);
    const res = await run('5.xlsx', book, 'commit');
    expect(res).toEqual({
      ok: true,
      value: { created: 2, existing: 0, skipped: 0, classesCreated: [], subjectsCreated: [], accounts: [] },
    });
    expect(
      core.db.$client
        .prepare(
          'select s.last_name, s.birth_date, s.gender, c.grade || c.letter as cls, e.start_date from students s join class_enrollments e on e.student_id = s.id join classes c on c.id = e.class_id order by s.last_name',
        )
        .all(),
    ).toEqual([
      { last_name: 'Иванова', birth_date: '2014-03-12', gender: 'f', cls: '5А', start_date: '2025-09-01' },
      { last_name: 'Петров', birth_date: '2014-07-03', gender: 'm', cls: '5Б', start_date: '2025-09-01' },
    ]);
    expect(
      core.db.$client.prepare('select kind, order_number, order_date, from_class_id from student_movements').all(),
    ).toEqual([
      { kind: 'enrolled', order_number: '112-у', order_date: '2025-09-01', from_class_id: null },
      { kind: 'enrolled', order_number: '112-у', order_date: '2025-09-01', from_class_id: null },
    ]);
    const before = counts();
    expect(await run('5.xlsx', book, 'commit')).toMatchObject({ ok: true, value: { created: 0, existing: 2 } });
    expect(counts()).toEqual(before);
  });

  it('reads a CSV in Windows-1251 with «;» and a UTF-8 one with a BOM and «,», a comma inside quotes kept', async () => {
    const text = csv([
      header,
      ['Сидорова', 'Алёна', 'Юрьевна', '01.02.2014', '5А', 'Ж'],
      ['Фёдоров', 'Илья', '', '1.9.2013', '6а', 'м'],
    ]);
    expect(new TextDecoder('windows-1251').decode(cp1251(text))).toBe(text);
    const res = await run('5а.csv', cp1251(text), 'commit');
    expect(res).toMatchObject({ ok: true, value: { created: 2 } });
    expect(
      core.db.$client
        .prepare("select first_name from students where last_name in ('Сидорова', 'Фёдоров') order by last_name")
        .all(),
    ).toEqual([{ first_name: 'Алёна' }, { first_name: 'Илья' }]);

    const utf8 = `\uFEFF${csv(
      [
        ['ФИО', 'Дата рождения', 'Класс', '№ личного дела'],
        ['Орлова Анна Павловна', '2013-05-06', '6А', 'О-1, дубликат'],
      ],
      ',',
    )}`;
    const r2 = await run('6a.csv', utf8, 'commit');
    expect(r2).toMatchObject({ ok: true, value: { created: 1 } });
    expect(
      core.db.$client
        .prepare("select first_name, middle_name, personal_file_no from students where last_name = 'Орлова'")
        .get(),
    ).toEqual({ first_name: 'Анна', middle_name: 'Павловна', personal_file_no: 'О-1, дубликат' });
  });

  it('refuses a student already in another class: a transfer is an order of its own', async () => {
    const text = csv([header, ['Петров', 'Пётр', 'Ильич', '03.07.2014', '5А', 'м']]);
    const res = await run('x.csv', text, 'preview');
    expect(res).toMatchObject({
      ok: true,
      value: {
        errors: 1,
        rows: [
          {
            line: 2,
            status: 'error',
            error: 'Уже числится в 5Б: перевод в другой класс оформляется приказом в «Движении учащихся»',
          },
        ],
      },
    });
  });
});

describe('broken files: a Russian error per row or for the file, and nothing half-written', () => {
  const { counts, run, ready, api } = setUp();

  it('lists each bad row with its line in the file, empty rows left out, and writes nothing until confirmed', async () => {
    const text = csv([
      header,
      ['Иванов', 'Иван', 'Иванович', '10.10.2014', '5А', 'м'],
      ['', '', '', '', '', ''],
      ['Иванов', 'Иван', 'Иванович', '10.10.2014', '5А', 'м'],
      ['Петрова', 'Ольга', '', '31.02.2014', '5А', 'ж'],
      ['Смирнов', '', '', '05.05.2014', '5В', 'x'],
      ['Кузнецова', 'Дарья', '', '2014-13-01', 'пятый', 'ж'],
      ['Орлов', 'Олег', '', '', '5А', ''],
      ['Новикова', 'Вера', '', '07.07.2014', '6А', 'ж'],
    ]);
    const before = counts();
    const res = await run('bad.csv', text, 'preview');
    if (!res.ok) throw new Error(res.error.message);
    const preview = res.value;
    expect(preview).toMatchObject({ total: 7, new: 2, errors: 5 });
    expect(preview.rows.filter((r) => r.error).map((r) => [r.line, r.error])).toEqual([
      [4, 'Повтор: этот учащийся уже есть в строке 2'],
      [5, 'Дата рождения «31.02.2014» не читается: нужна дата вида ДД.ММ.ГГГГ'],
      [6, 'Не заполнено имя; класса 5В нет в 2025/2026 учебном году; пол «x» не понят: нужно «м» или «ж»'],
      [
        7,
        'Дата рождения «2014-13-01» не читается: нужна дата вида ДД.ММ.ГГГГ; «пятый» — не название класса: нужно, например, 5А',
      ],
      [8, 'Не заполнена дата рождения'],
    ]);
    const refused = await run('bad.csv', text, 'commit');
    expect(refused).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        message:
          'В файле 5 строк с ошибками: исправьте файл или подтвердите, что эти строки пропускаются. Ничего не записано.',
      },
    });
    expect(counts()).toEqual(before);
    expect(await run('bad.csv', text, 'commit', { skipInvalid: true })).toMatchObject({
      ok: true,
      value: { created: 2, skipped: 5 },
    });
    expect(counts().students).toBe(before.students + 2);
  });

  it('names a missing column, and refuses a file in UTF-16 by its unreadable headers', async () => {
    const before = counts();
    const noBirth = csv([
      ['Фамилия', 'Имя', 'Класс'],
      ['Павлов', 'Павел', '5А'],
    ]);
    expect(await run('nb.csv', noBirth, 'preview')).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'В файле не найден столбец «Дата рождения»: укажите, в каком столбце он' },
    });
    const utf16 = Buffer.from(`\uFEFF${csv([header, ['Павлов', 'Павел', '', '01.01.2014', '5А', 'м']])}`, 'utf16le');
    const res = await run('u16.csv', utf16, 'commit');
    expect(res).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        message: expect.stringMatching(/^В файле не найден столбец «Фамилия», «Имя», «Дата рождения», «Класс»/),
      },
    });
    expect(counts()).toEqual(before);
  });

  it('refuses what is not a spreadsheet, an empty file and a header without rows', async () => {
    await ready;
    const inspect = (fileName: string, bytes: Buffer | string) =>
      api.send(contract.imports.inspect, { kind: 'students', fileName, contentBase64: b64(bytes) });
    expect(await inspect('x.xlsx', 'это не книга Excel')).toMatchObject({
      ok: false,
      error: {
        message:
          'Файл не читается как книга Excel (.xlsx). Сохраните его в Excel как «Книга Excel» и попробуйте снова.',
      },
    });
    expect(await inspect('x.csv', '\r\n;;\r\n')).toMatchObject({
      ok: false,
      error: { message: 'Файл пуст: в нём нет ни одной заполненной строки' },
    });
    expect(await inspect('x.csv', csv([header]))).toMatchObject({
      ok: false,
      error: { message: 'В файле только строка заголовков: под ней нет ни одной строки с данными' },
    });
    expect(await inspect('x.pdf', 'a')).toMatchObject({ ok: false, error: { message: 'Нужен файл .xlsx или .csv' } });
  });

  it('asks for the order, and refuses one after the year', async () => {
    const text = csv([header, ['Павлов', 'Павел', '', '01.01.2014', '5А', 'м']]);
    expect(await run('o.csv', text, 'commit', { options: { orderNumber: '' } })).toMatchObject({
      ok: false,
      error: { message: 'Укажите номер приказа о зачислении' },
    });
    expect(await run('o.csv', text, 'commit', { options: { orderDate: '2026-07-01' } })).toMatchObject({
      ok: false,
      error: { message: 'Приказ от 01.07.2026 издан после конца 2025/2026 учебного года' },
    });
  });

  it('creates the classes the file names only when asked to', async () => {
    const text = csv([header, ['Павлов', 'Павел', '', '01.01.2014', '7В', 'м']]);
    expect(await run('c.csv', text, 'preview')).toMatchObject({ ok: true, value: { errors: 1, newClasses: [] } });
    expect(await run('c.csv', text, 'preview', { options: { createClasses: true } })).toMatchObject({
      ok: true,
      value: { errors: 0, newClasses: ['7В'] },
    });
    expect(await run('c.csv', text, 'commit', { options: { createClasses: true } })).toMatchObject({
      ok: true,
      value: { created: 1, classesCreated: ['7В'] },
    });
  });

  it('takes 10,000 rows in one go, and refuses the same 10,000 with one bad row at the end without writing any', async () => {
    const classes = ['5А', '5Б', '6А'];
    const rows = studentRows(10_000, classes);
    const broken = [...rows, ['Последний', 'Ученик', '', '32.01.2014', '5А', 'м']];
    const before = counts();
    const refused = await run('big.csv', cp1251(csv(broken)), 'commit');
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/^В файле 1 строк с ошибками/) },
    });
    expect(counts()).toEqual(before);
    const res = await run('big.xlsx', await xlsx(rows), 'commit');
    expect(res).toMatchObject({ ok: true, value: { created: 10_000 } });
    expect(counts().students).toBe(before.students + 10_000);
    expect(counts().movements).toBe(before.movements + 10_000);
    expect(await run('big.csv', cp1251(csv(rows)), 'commit')).toMatchObject({
      ok: true,
      value: { created: 0, existing: 10_000 },
    });
  }, 120_000);
});

describe('imported students are placed as an arrival by order places them', () => {
  const { core, run, ready } = setUp();

  it('puts each newcomer into the smaller subgroup of a split subject, and a closed year takes nobody', async () => {
    await ready;
    const sql = core.db.$client;
    const classId = (sql.prepare("select id from classes where grade = 5 and letter = 'А'").get() as { id: number }).id;
    const subject = Number(
      sql.prepare("insert into subjects (name, short_name) values ('Английский язык', 'Англ')").run().lastInsertRowid,
    );
    const insertGroup = sql.prepare('insert into subgroups (class_id, subject_id, name) values (?, ?, ?)');
    const [g1, g2] = [
      Number(insertGroup.run(classId, subject, '1 группа').lastInsertRowid),
      Number(insertGroup.run(classId, subject, '2 группа').lastInsertRowid),
    ];
    const text = csv([
      header,
      ['Аверин', 'Антон', '', '01.01.2014', '5А', 'м'],
      ['Белова', 'Вера', '', '02.02.2014', '5А', 'ж'],
      ['Волков', 'Глеб', '', '03.03.2014', '5А', 'м'],
    ]);
    expect(await run('5а.csv', text, 'commit')).toMatchObject({ ok: true, value: { created: 3 } });
    const members = (g: number) =>
      (
        sql
          .prepare('select count(*) as n from subgroup_members where subgroup_id = ? and start_date = ?')
          .get(g, '2025-09-01') as { n: number }
      ).n;
    expect([members(g1), members(g2)]).toEqual([2, 1]);

    const yearId = (sql.prepare('select id from school_years').get() as { id: number }).id;
    markYearClosed(core.db, yearId, {
      closedAt: '2026-06-30 10:00:00',
      closedBy: 1,
      orderNumber: '99-о',
      orderDate: '2026-06-30',
    });
    const before = (sql.prepare('select count(*) as n from students').get() as { n: number }).n;
    const refused = await run('5б.csv', csv([header, ['Гусев', 'Денис', '', '04.04.2014', '5Б', 'м']]), 'commit');
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/^2025\/2026 учебный год закрыт/) },
    });
    expect((sql.prepare('select count(*) as n from students').get() as { n: number }).n).toBe(before);
  });
});

describe('teachers from a file get accounts with one-time passwords, printed once', () => {
  const { core, counts, run, api } = setUp();
  const list = csv([
    ['ФИО', 'Логин', 'Предметы'],
    ['Иванова Мария Петровна', '', 'Математика, физика'],
    ['Петров Пётр Петрович', 'petrov', 'История'],
  ]);

  it('creates the accounts with generated logins, and lets a teacher in with the printed password', async () => {
    const res = await run('учителя.csv', list, 'commit', {}, 'teachers');
    if (!res.ok) throw new Error(res.error.message);
    const result = res.value;
    expect(result).toMatchObject({ created: 2, existing: 0 });
    expect(result.accounts.map((a) => [a.login, a.fullName])).toEqual([
      ['ivanova.mp', 'Иванова Мария Петровна'],
      ['petrov', 'Петров Пётр Петрович'],
    ]);
    const teacher = directCaller(core);
    expect(
      await teacher.send(contract.auth.login, { login: 'ivanova.mp', password: result.accounts[0]!.password }),
    ).toMatchObject({ ok: true, value: { mustChangePassword: true, roles: ['teacher'] } });
    expect(await api.send(contract.users.list, {})).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ login: 'petrov', roles: ['teacher'] })]),
    });
  });

  it('imports the same file again without creating anybody, and refuses a login held by someone else', async () => {
    const before = counts();
    expect(await run('учителя.csv', list, 'commit', {}, 'teachers')).toMatchObject({
      ok: true,
      value: { created: 0, existing: 2, accounts: [] },
    });
    expect(counts()).toEqual(before);
    const clash = csv([
      ['Фамилия', 'Имя', 'Логин'],
      ['Сидоров', 'Сидор', 'petrov'],
      ['Орлова', 'Ольга', 'плохой логин'],
    ]);
    const res = await run('t.csv', clash, 'preview', {}, 'teachers');
    expect(res).toMatchObject({
      ok: true,
      value: {
        errors: 2,
        rows: [
          { line: 2, error: 'Логин «petrov» уже у другого пользователя: Петров Пётр Петрович' },
          { line: 3, error: 'Логин «плохой логин» не подходит: от 3 до 32 латинских букв, цифр, точек, дефисов' },
        ],
      },
    });
  });
});
