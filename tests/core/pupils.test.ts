// Pupils' cards on the hand-built school (tests/helpers/tiny-school.ts): klruk leads 5А, 10А has no class teacher.
// Today is 2 September 2025.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type PupilCardInput } from '../../src/shared/contract';
import { normalPhone } from '../../src/shared/contract/pupils';
import { storedWords } from '../../src/shared/audit-words';
import { actionsSince, lastAuditId } from '../helpers/audit';
import { pdfPages } from '../helpers/pdf';
import { schoolFixture } from '../helpers/school';
import { tempDir } from '../helpers/temp';

const printDir = path.join(tempDir('zhurnal-pupils-'), 'out');

describe('pupil cards', () => {
  const {
    sql,
    tiny: t,
    callers: { klruk, secretary, deputy, math, director },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-09-02T10:00:00',
    accounts: { secretary: 'secretary', director: 'director' },
    core: { printDir: () => printDir },
    as: { klruk: 'klruk', secretary: 'secretary', deputy: 'zavuch', math: 'math', director: 'director' },
  });
  const card = (over: Partial<PupilCardInput> = {}): PupilCardInput => ({
    studentId: t.students.A,
    lastName: 'Алексеев',
    firstName: 'Иван',
    middleName: 'Петрович',
    birthDate: '2014-03-02',
    gender: 'm',
    personalFileNo: 'А-15',
    address: 'г. Курган, ул. Школьная, д. 1, кв. 2',
    parents: [
      { fullName: 'Алексеева Мария Ивановна', relation: 'мать', phones: ['8 (912) 345-67-89', '+7 3522 12 34 56'] },
      { fullName: 'Алексеев Пётр Сергеевич', relation: 'отец', phones: [] },
    ],
    ...over,
  });
  const row = (id: number) =>
    sql.prepare('select last_name, birth_date, personal_file_no, address from students where id = ?').get(id);
  const refused = { ok: false, error: { kind: 'validation' } };

  it('reads phones the way people type them', () => {
    expect(normalPhone('8 (912) 345-67-89')).toBe('+7 912 345-67-89');
    expect(normalPhone('+7 3522 12 34 56')).toBe('+7 352 212-34-56');
    expect(normalPhone('9123456789')).toBe('+7 912 345-67-89');
    expect(normalPhone('+1 912 345 67 89')).toBeNull();
    expect(normalPhone('345-67-89')).toBeNull();
    expect(normalPhone('8 912 345 67 8x')).toBeNull();
  });

  it('the class teacher fills a card of their class; the audit keeps the old values', async () => {
    const before = lastAuditId(sql);
    const saved = await klruk.value(contract.pupils.save, card());
    expect(saved.parents).toEqual([
      { fullName: 'Алексеева Мария Ивановна', relation: 'мать', phones: ['+7 912 345-67-89', '+7 352 212-34-56'] },
      { fullName: 'Алексеев Пётр Сергеевич', relation: 'отец', phones: [] },
    ]);
    // The tiny school entered him as «Алексеев Иван» with nothing else.
    const first = sql
      .prepare('select old_value, new_value from audit_log where id > ? and action = ?')
      .get(before, 'student.update') as { old_value: string; new_value: string };
    expect(JSON.parse(first.old_value)).toEqual({
      student: 'Алексеев Иван',
      middleName: null,
      birthDate: null,
      gender: null,
      personalFileNo: null,
      address: null,
      parents: [],
    });

    // A correction: the name and the mother's phone; only what changed is logged, with what it was.
    const mark = lastAuditId(sql);
    const fixed = card({
      lastName: 'Алексеенко',
      parents: [
        { fullName: 'Алексеева Мария Ивановна', relation: 'мать', phones: ['+7 912 000-00-01'] },
        { fullName: 'Алексеев Пётр Сергеевич', relation: 'отец', phones: [] },
      ],
    });
    await klruk.value(contract.pupils.save, fixed);
    expect(actionsSince(sql, mark)).toEqual(['student.update']);
    const second = sql.prepare('select old_value, new_value from audit_log where id > ?').get(mark) as {
      old_value: string;
      new_value: string;
    };
    expect(JSON.parse(second.old_value)).toEqual({
      student: 'Алексеев Иван Петрович',
      lastName: 'Алексеев',
      parents: [
        'Алексеева Мария Ивановна (мать), +7 912 345-67-89, +7 352 212-34-56',
        'Алексеев Пётр Сергеевич (отец)',
      ],
    });
    expect(JSON.parse(second.new_value)).toMatchObject({ lastName: 'Алексеенко' });
    // Saving the same card again changes nothing and logs nothing.
    const same = lastAuditId(sql);
    await klruk.value(contract.pupils.save, fixed);
    expect(actionsSince(sql, same)).toEqual([]);

    // The audit viewer words it for the deputy.
    const [entry] = (await deputy.value(contract.audit.list, { filter: { kind: 'students', studentId: t.students.A } }))
      .rows;
    expect(entry?.student).toBe('Алексеенко И. П.');
    expect(storedWords(entry?.oldValue ?? null)).toBe(
      'ученик: Алексеев Иван Петрович, фамилия: Алексеев, родители: Алексеева Мария Ивановна (мать), +7 912 345-67-89, +7 352 212-34-56; Алексеев Пётр Сергеевич (отец)',
    );
    expect(storedWords(entry?.newValue ?? null)).toBe(
      'фамилия: Алексеенко, родители: Алексеева Мария Ивановна (мать), +7 912 000-00-01; Алексеев Пётр Сергеевич (отец)',
    );
  });

  it('refuses bad input in Russian and changes nothing', async () => {
    const before = row(t.students.B);
    const B = (over: Partial<PupilCardInput>) => card({ studentId: t.students.B, lastName: 'Борисова', ...over });
    const cases: [Partial<PupilCardInput>, string][] = [
      [{ birthDate: '2026-01-10' }, 'Дата рождения не может быть позже сегодняшнего дня'],
      [{ birthDate: '1990-01-10' }, 'Проверьте дату рождения 10.01.1990: ученику получается 35 лет'],
      [{ birthDate: '2014-02-30' }, 'Такой даты нет в календаре'],
      [{ lastName: ' ' }, 'Заполните поле'],
      [{ parents: [{ fullName: '', relation: 'мать', phones: [] }] }, 'Укажите ФИО родителя'],
      [{ parents: [{ fullName: 'Борисова Анна', relation: 'мать', phones: ['12-34'] }] }, 'Телефон «12-34»'],
      [{ personalFileNo: 'А-15' }, 'Личное дело № А-15 уже у ученика Алексеенко И. П.'],
    ];
    for (const [over, message] of cases) {
      const result = await klruk.send(contract.pupils.save, B(over));
      expect(result, message).toMatchObject(refused);
      if (!result.ok) expect(result.error.message).toContain(message);
    }
    expect(row(t.students.B)).toEqual(before);
  });

  it('shows personal data only to those who need it', async () => {
    expect((await klruk.value(contract.pupils.classes, {})).map((c) => c.name)).toEqual(['5А']);
    expect((await secretary.value(contract.pupils.classes, {})).map((c) => [c.name, c.pupils])).toEqual([
      ['1А', 2],
      ['5А', 8],
      ['10А', 2],
    ]);
    const list = await klruk.value(contract.pupils.list, { classId: t.classes.c5 });
    expect(list.mayEdit).toBe(true);
    // Those on the roll alphabetically, then Зайцева, who left on 10 October.
    expect(list.pupils.map((p) => [p.lastName, p.left])).toEqual([
      ['Алексеенко', null],
      ['Борисова', null],
      ['Васильев', null],
      ['Григорьева', null],
      ['Дмитриев', null],
      ['Егорова', null],
      ['Жуков', null],
      ['Зайцева', '2025-10-10'],
    ]);
    expect(await klruk.send(contract.pupils.list, { classId: t.classes.c10 })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect((await deputy.value(contract.pupils.list, { classId: t.classes.c10 })).mayEdit).toBe(false);
    for (const who of [math, director])
      expect(await who.send(contract.pupils.list, { classId: t.classes.c5 })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    expect(
      await deputy.send(contract.pupils.save, card({ studentId: t.students.K, lastName: 'Кузнецов' })),
    ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // The secretary corrects any class's card.
    const k = await secretary.value(
      contract.pupils.save,
      card({ studentId: t.students.K, lastName: 'Кузнецов', personalFileNo: 'К-1' }),
    );
    expect(k.address).toBe('г. Курган, ул. Школьная, д. 1, кв. 2');
  });

  it('the parents’ statement is addressed to the parents; a subject teacher’s has no parents', async () => {
    const input = { classId: t.classes.c5, studentId: t.students.A, periodId: t.periods.q1 };
    const own = await klruk.value(contract.reports.statement, input);
    expect(own.data.parents).toEqual(['Алексеева Мария Ивановна (мать)', 'Алексеев Пётр Сергеевич (отец)']);
    expect(own.tables[0]?.subtitle).toContain(
      'Родителям (законным представителям): Алексеева Мария Ивановна (мать), Алексеев Пётр Сергеевич (отец)',
    );
    const byDirector = await director.value(contract.reports.statement, input);
    expect(byDirector.data.parents).toEqual([]);
  });

  it('the printed book’s personal data pages show the address and the parents with their phones', async () => {
    const book = await secretary.value(contract.print.classBook, { classId: t.classes.c5, personalData: true });
    const personal = pdfPages(book.file)
      .filter((p) => p.includes('Общие сведения об обучающихся') || p.includes('Сведения о родителях'))
      .join('\n');
    // A phone is never broken across lines: each parent's phones have a line of their own.
    for (const text of ['Домашний адрес', 'Курган', 'Алексеева Мария', '(мать)', '+7 912 000-00-01', 'А-15'])
      expect(personal).toContain(text);
  });
});
