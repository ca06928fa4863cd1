// The «Предметы» column of a teachers' list: read against the school's subjects («мат.» is Математика), the
// missing ones created with a short name, each teacher's subjects kept for «Нагрузка»; the same file again
// creates nothing; a bad subject name is a row error and nothing is written.
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { csv } from '../helpers/import-files';
import { setUp } from '../helpers/import-school';

describe('the teachers’ «Предметы» column', () => {
  const { core, counts, run, api, ready } = setUp();
  const list = csv([
    ['ФИО', 'Преподаваемые предметы'],
    ['Иванова Мария Петровна', 'математика; Физика'],
    ['Петров Пётр Петрович', 'Мат, изобразительное искусство'],
    ['Сидорова Анна Ильинична', ''],
  ]);
  const subjects = () =>
    core.db.$client.prepare('select name, short_name as short from subjects order by sort_order').all();

  it('proposes the school’s subjects and names the new ones in the preview', async () => {
    await ready;
    core.db.$client
      .prepare("insert into subjects (name, short_name, sort_order) values ('Математика', 'Мат.', 10)")
      .run();
    const preview = await run('учителя.csv', list, 'preview', {}, 'teachers');
    expect(preview.ok && preview.value.rows.map((r) => r.summary)).toEqual([
      'Иванова Мария Петровна (ivanova.mp) — Математика, Физика (новый предмет)',
      'Петров Пётр Петрович (petrov.pp) — Математика, Изобразительное искусство (новый предмет)',
      'Сидорова Анна Ильинична (sidorova.ai)',
    ]);
    expect(subjects()).toEqual([{ name: 'Математика', short: 'Мат.' }]);
  });

  it('creates the missing subjects and keeps each teacher’s, which «Нагрузка» reads; again creates nothing', async () => {
    expect(await run('учителя.csv', list, 'commit', {}, 'teachers')).toMatchObject({
      ok: true,
      value: { created: 3, subjectsCreated: ['Физика', 'Изобразительное искусство'] },
    });
    expect(subjects()).toEqual([
      { name: 'Математика', short: 'Мат.' },
      { name: 'Физика', short: 'Физ.' },
      { name: 'Изобразительное искусство', short: 'Изо. иск.' },
    ]);
    const overview = await api.value(contract.structure.overview, {});
    const names = new Map(overview.subjects.map((s) => [s.id, s.name]));
    expect(overview.teachers.map((t) => [t.name, t.subjectIds.map((id) => names.get(id))])).toEqual([
      ['Иванова М. П.', ['Математика', 'Физика']],
      ['Петров П. П.', ['Математика', 'Изобразительное искусство']],
      ['Сидорова А. И.', []],
    ]);
    const before = {
      ...counts(),
      subjects: subjects(),
      hint: core.db.$client.prepare("select value from settings where key = 'structure.teacherSubjects'").get(),
    };
    expect(await run('учителя.csv', list, 'commit', {}, 'teachers')).toMatchObject({
      ok: true,
      value: { created: 0, existing: 3, subjectsCreated: [] },
    });
    expect({
      ...counts(),
      subjects: subjects(),
      hint: core.db.$client.prepare("select value from settings where key = 'structure.teacherSubjects'").get(),
    }).toEqual(before);
  });

  it('refuses a subject name longer than 100 characters and writes nothing', async () => {
    const before = { ...counts(), subjects: subjects() };
    const bad = csv([
      ['ФИО', 'Предметы'],
      ['Орлова Ольга Олеговна', 'Я'.repeat(120)],
    ]);
    const preview = await run('t.csv', bad, 'preview', {}, 'teachers');
    expect(preview.ok && preview.value.rows[0]?.error).toMatch(/^Название предмета «Я+…» длиннее 100 знаков$/);
    expect(await run('t.csv', bad, 'commit', {}, 'teachers')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect({ ...counts(), subjects: subjects() }).toEqual(before);
  });
});
