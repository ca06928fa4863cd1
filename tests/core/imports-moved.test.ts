// A class list imported in September and imported again after the secretary's orders: the student transferred
// to 5Б and the one who left are recognised by name and birth date, and nothing is written for them.
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { csv } from '../helpers/import-files';
import { header, setUp } from '../helpers/import-school';

describe('re-importing a class list after transfers and departures', () => {
  const { core, counts, run, api } = setUp();
  const list = csv([
    header,
    ['Андреева', 'Алла', 'Петровна', '01.02.2014', '5А', 'ж'],
    ['Быков', 'Борис', 'Ильич', '02.03.2014', '5А', 'м'],
    ['Волкова', 'Вера', '', '03.04.2014', '5А', 'ж'],
  ]);
  const q = <T>(sql: string, ...args: unknown[]) => core.db.$client.prepare(sql).get(...args) as T;
  const idOf = (lastName: string) => q<{ id: number }>('select id from students where last_name = ?', lastName).id;
  const classId = (name: string) => q<{ id: number }>('select id from classes where grade || letter = ?', name).id;

  it('recognises the transferred and the departed students and changes nothing', async () => {
    expect(await run('5А.csv', list, 'commit')).toMatchObject({ ok: true, value: { created: 3 } });
    const order = { orderNumber: '140-у', orderDate: '2025-10-01' };
    expect(
      await api.send(contract.movement.transfer, {
        studentId: idOf('Быков'),
        toClassId: classId('5Б'),
        date: '2025-10-01',
        ...order,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await api.send(contract.movement.leave, {
        studentId: idOf('Волкова'),
        date: '2025-10-02',
        to: 'МБОУ СШ № 5, г. Энск',
        ...order,
      }),
    ).toMatchObject({ ok: true });
    const before = counts();

    const preview = await run('5А.csv', list, 'preview');
    expect(preview).toMatchObject({ ok: true, value: { total: 3, new: 0, exists: 3, errors: 0 } });
    expect(preview.ok && preview.value.rows.map((r) => r.summary)).toEqual([
      'Андреева Алла Петровна, 01.02.2014, 5А',
      'Быков Борис Ильич, 02.03.2014, 5А, сейчас в 5Б (переведён приказом)',
      'Волкова Вера, 03.04.2014, 5А, выбыл по приказу',
    ]);
    expect(await run('5А.csv', list, 'commit')).toMatchObject({
      ok: true,
      value: { created: 0, existing: 3, skipped: 0 },
    });
    expect(counts()).toEqual(before);
    expect(
      q(
        'select c.grade || c.letter as cls from class_enrollments e join classes c on c.id = e.class_id where e.student_id = ? and e.end_date is null',
        idOf('Быков'),
      ),
    ).toEqual({ cls: '5Б' });
  });

  it('still refuses a student listed in a class he has never been in', async () => {
    const other = csv([header, ['Андреева', 'Алла', 'Петровна', '01.02.2014', '6А', 'ж']]);
    expect(await run('6А.csv', other, 'preview')).toMatchObject({
      ok: true,
      value: {
        errors: 1,
        rows: [{ error: 'Уже числится в 5А: перевод в другой класс оформляется приказом в «Движении учащихся»' }],
      },
    });
  });
});
