// The structure editors on a real SQLite file: each refusal in Russian changes nothing, and what the
// journal already uses is never deleted.
import { describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { contract, type InputOf } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

const refused = (kind: string, message: string | RegExp) => ({
  ok: false,
  error: { kind, message: typeof message === 'string' ? message : expect.stringMatching(message) },
});

describe('structure editors: validation, permissions, nothing in use deleted', () => {
  const {
    core,
    tiny: t,
    callers: { admin, deputy },
  } = schoolFixture({
    school: 'tiny',
    now: '2025-11-05T09:00:00',
    accounts: { admin: 'admin' },
    as: { admin: 'admin', deputy: 'zavuch' },
  });
  const w = writers(core.db.$client);
  const q = <T>(sql: string, ...args: unknown[]) => core.db.$client.prepare(sql).all(...args) as T[];
  const count = (table: string) => q<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n;

  it('the deputy reads the structure, only the admin changes it', async () => {
    const o = await deputy.value(contract.structure.overview, {});
    expect(o.classes.map((c) => `${c.name}:${c.students}`)).toEqual(['1А:2', '5А:7', '10А:2']);
    expect(o.subjects.every((s) => s.inUse)).toBe(true);
    expect(await deputy.send(contract.structure.saveSubject, { name: 'Химия', shortName: 'Хим' })).toMatchObject(
      refused('forbidden', 'У вас нет прав на это действие'),
    );
    expect(await deputy.send(contract.structure.rules, {})).toMatchObject({
      ok: true,
      value: { scale: '1-5', controlMarksDays: 7 },
    });
  });

  it('subjects: unique names, renaming what is used, deleting only what is not', async () => {
    expect(await admin.send(contract.structure.saveSubject, { name: ' математика ', shortName: 'М' })).toMatchObject(
      refused('conflict', 'Предмет «Математика» уже есть'),
    );
    expect(await admin.send(contract.structure.saveSubject, { name: '', shortName: 'М' })).toMatchObject(
      refused('validation', 'Название предмета: заполните поле'),
    );
    const { id } = await admin.value(contract.structure.saveSubject, {
      name: 'Информатика',
      shortName: 'Инф',
      sortOrder: 50,
    });
    expect(await admin.send(contract.structure.deleteSubject, { id: t.subjects.mat })).toMatchObject(
      refused('conflict', /удалить его нельзя, можно переименовать/),
    );
    await admin.value(contract.structure.saveSubject, {
      id: t.subjects.mat,
      name: 'Математика (алгебра)',
      shortName: 'Мат',
    });
    expect(q<{ name: string }>('select name from subjects where id = ?', t.subjects.mat)[0]!.name).toBe(
      'Математика (алгебра)',
    );
    await admin.value(contract.structure.saveCurriculum, {
      grade: 7,
      subjectId: id,
      hoursPerWeek: 1,
      hoursPerYear: 34,
      splitIntoSubgroups: true,
    });
    await admin.value(contract.structure.deleteSubject, { id });
    expect(q('select * from curriculum where subject_id = ?', id)).toEqual([]);
  });

  it('curriculum: one row per grade and subject, hours checked', async () => {
    const a = await admin.value(contract.structure.saveCurriculum, {
      grade: 5,
      subjectId: t.subjects.rus,
      hoursPerWeek: 5,
      hoursPerYear: 170,
      splitIntoSubgroups: false,
    });
    const b = await admin.value(contract.structure.saveCurriculum, {
      grade: 5,
      subjectId: t.subjects.rus,
      hoursPerWeek: 6,
      hoursPerYear: 204,
      splitIntoSubgroups: false,
    });
    expect(b.id).toBe(a.id);
    expect(
      await admin.send(contract.structure.saveCurriculum, {
        grade: 12,
        subjectId: t.subjects.rus,
        hoursPerWeek: 5,
        hoursPerYear: 170,
        splitIntoSubgroups: false,
      }),
    ).toMatchObject(refused('validation', 'Параллель: от 1 до 11'));
    expect(
      await admin.send(contract.structure.saveCurriculum, {
        grade: 5,
        subjectId: t.subjects.rus,
        hoursPerWeek: 5,
        hoursPerYear: 3,
        splitIntoSubgroups: false,
      }),
    ).toMatchObject(refused('validation', 'Русский язык: часов в год (3) меньше, чем часов в неделю (5)'));
    expect(
      await admin.send(contract.structure.saveCurriculum, {
        grade: 5,
        subjectId: t.subjects.rus,
        hoursPerWeek: 0,
        hoursPerYear: 3,
        splitIntoSubgroups: false,
      }),
    ).toMatchObject(refused('validation', 'Часов в неделю: не меньше 1'));
  });

  it('classes: unique per year, one class per class teacher, who gets the role; a class with pupils stays', async () => {
    expect(
      await admin.send(contract.structure.saveClass, { grade: 5, letter: 'а', shift: 1, classTeacherId: null }),
    ).toMatchObject(refused('conflict', 'Класс 5А в этом учебном году уже есть'));
    expect(
      await admin.send(contract.structure.saveClass, { grade: 5, letter: 'B', shift: 1, classTeacherId: null }),
    ).toMatchObject(refused('validation', /одна или две русские буквы/));
    expect(
      await admin.send(contract.structure.saveClass, {
        grade: 5,
        letter: 'Б',
        shift: 1,
        classTeacherId: t.users.klruk,
      }),
    ).toMatchObject(refused('conflict', 'Классова А. П. уже классный руководитель 5А'));
    expect(
      await admin.send(contract.structure.saveClass, {
        grade: 5,
        letter: 'Б',
        shift: 1,
        classTeacherId: t.users.deputy,
      }),
    ).toMatchObject(refused('validation', /нет роли «Учитель»/));
    const { id } = await admin.value(contract.structure.saveClass, {
      grade: 5,
      letter: 'б',
      shift: 2,
      classTeacherId: t.users.math,
    });
    expect(
      q<{ role: string }>('select role from user_roles where user_id = ? order by role', t.users.math).map(
        (r) => r.role,
      ),
    ).toEqual(['class_teacher', 'teacher']);
    expect(await admin.send(contract.structure.deleteClass, { id: t.classes.c5 })).toMatchObject(
      refused('conflict', /удалить его нельзя/),
    );
    expect(
      await admin.send(contract.structure.saveClass, {
        id: t.classes.c5,
        grade: 6,
        letter: 'А',
        shift: 1,
        classTeacherId: t.users.klruk,
      }),
    ).toMatchObject(refused('conflict', /параллель менять нельзя/));
    await admin.value(contract.structure.deleteClass, { id });
    expect(count('classes')).toBe(3);
  });

  it('assignments: whole class or subgroups, not both; a new teacher takes the planned lessons; used ones stay', async () => {
    const base = { classId: t.classes.c5, subgroupId: null, hoursPerWeek: 3 };
    expect(
      await admin.send(contract.structure.saveAssignment, {
        ...base,
        subjectId: t.subjects.eng,
        teacherId: t.users.eng1,
      }),
    ).toMatchObject(refused('validation', 'Английский язык в 5А ведётся по подгруппам: выберите подгруппу'));
    expect(
      await admin.send(contract.structure.saveAssignment, {
        ...base,
        subjectId: t.subjects.mat,
        teacherId: t.users.eng1,
      }),
    ).toMatchObject(refused('conflict', /в 5А уже ведёт Счётова А. П./));
    const g1 = q<{ id: number }>("select id from subgroups where name = '1 группа'")[0]!.id;
    expect(
      await admin.send(contract.structure.saveAssignment, {
        ...base,
        subgroupId: g1,
        subjectId: t.subjects.phys,
        teacherId: t.users.pe,
      }),
    ).toMatchObject(refused('validation', /подгруппа другого предмета/));
    const planned = w.lesson(
      t.assignments.mat5,
      '2025-11-20',
      2,
      null,
      null,
      t.kinds.lessonKind,
      null,
      t.users.math,
      'planned',
      null,
      null,
      null,
      '2025-11-01 10:00:00',
    );
    const prepared = w.lesson(
      t.assignments.mat5,
      '2025-11-21',
      2,
      'Дроби',
      null,
      t.kinds.lessonKind,
      null,
      t.users.math,
      'planned',
      '2025-11-01 10:00:00',
      null,
      null,
      '2025-11-01 10:00:00',
    );
    await admin.value(contract.structure.saveAssignment, {
      id: t.assignments.mat5,
      ...base,
      hoursPerWeek: 5,
      subjectId: t.subjects.mat,
      teacherId: t.users.pe,
    });
    const givenBy = (id: number) => q<{ g: number }>('select given_by_id as g from lessons where id = ?', id)[0]!.g;
    expect(givenBy(planned)).toBe(t.users.pe);
    expect(givenBy(prepared)).toBe(t.users.math); // it holds a topic the old teacher prepared
    expect(givenBy(t.lessons.mat0901)).toBe(t.users.klruk); // the past stays with who gave it
    expect(
      await admin.send(contract.structure.saveAssignment, {
        id: t.assignments.mat5,
        ...base,
        subjectId: t.subjects.rus,
        teacherId: t.users.pe,
      }),
    ).toMatchObject(refused('conflict', /предмет менять нельзя/));
    expect(await admin.send(contract.structure.deleteAssignment, { id: t.assignments.mat5 })).toMatchObject(
      refused('conflict', /удалить её нельзя/),
    );
    const added = await admin.value(contract.structure.saveAssignment, {
      ...base,
      classId: t.classes.c1,
      subjectId: t.subjects.phys,
      teacherId: t.users.pe,
    });
    w.lesson(
      added.id,
      '2025-11-20',
      3,
      null,
      null,
      t.kinds.lessonKind,
      null,
      t.users.pe,
      'planned',
      null,
      null,
      null,
      '2025-11-01 10:00:00',
    );
    await admin.value(contract.structure.deleteAssignment, { id: added.id });
    expect(q('select id from lessons where assignment_id = ?', added.id)).toEqual([]);
  });

  it('subgroups: members by date, a move ends the old membership the day before', async () => {
    const [g1, g2] = q<{ id: number }>('select id from subgroups where class_id = ? order by name', t.classes.c5).map(
      (r) => r.id,
    );
    const before = await admin.value(contract.structure.subgroupMembers, { subgroupId: g2!, date: '2025-11-10' });
    expect(before.filter((m) => m.inSubgroup)).toHaveLength(3); // Зайцева left on 10 October
    expect(before.find((m) => m.studentId === t.students.A)).toMatchObject({
      inSubgroup: false,
      otherSubgroup: '1 группа',
    });
    const now = before.filter((m) => m.inSubgroup).map((m) => m.studentId);
    expect(
      await admin.value(contract.structure.setSubgroupMembers, {
        subgroupId: g2!,
        date: '2025-11-10',
        studentIds: [...now, t.students.A],
        orderNumber: '№ 45-о',
      }),
    ).toEqual({ added: 1, removed: 0 });
    expect(
      q(
        'select subgroup_id as g, start_date as s, end_date as e, order_number as o from subgroup_members where student_id = ? order by start_date',
        t.students.A,
      ),
    ).toEqual([
      { g: g1, s: '2025-09-01', e: '2025-11-09', o: null },
      { g: g2, s: '2025-11-10', e: null, o: '№ 45-о' },
    ]);
    const rows = count('subgroup_members');
    expect(
      await admin.send(contract.structure.setSubgroupMembers, {
        subgroupId: g2!,
        date: '2025-11-10',
        studentIds: [t.students.K],
      }),
    ).toMatchObject(refused('validation', /не учится в 5А на 10.11.2025/));
    expect(count('subgroup_members')).toBe(rows);
    expect(await admin.send(contract.structure.deleteSubgroup, { id: g1! })).toMatchObject(
      refused('conflict', /удалить её нельзя/),
    );
    expect(
      await admin.send(contract.structure.saveSubgroup, {
        classId: t.classes.c5,
        subjectId: t.subjects.eng,
        name: '2 ГРУППА',
      }),
    ).toMatchObject(refused('conflict', /уже есть «2 группа»/));
  });

  it('work kinds and the school rules', async () => {
    const { id } = await admin.value(contract.structure.saveWorkKind, {
      name: 'Проект',
      shortName: 'пр',
      weight: 1.5,
      isControl: false,
      color: '#336699',
    });
    expect(q('select code, weight from work_kinds where id = ?', id)).toEqual([{ code: `kind-${id}`, weight: 1.5 }]);
    expect(
      await admin.send(contract.structure.saveWorkKind, {
        name: 'Тест',
        shortName: 'т',
        weight: 20,
        isControl: false,
        color: '#336699',
      }),
    ).toMatchObject(refused('validation', 'Вес: от 0,1 до 10'));
    expect(await admin.send(contract.structure.deleteWorkKind, { id: t.kinds.lessonKind })).toMatchObject(
      refused('conflict', /можно переименовать или изменить вес/),
    );
    await admin.value(contract.structure.deleteWorkKind, { id });
    const rules: InputOf<typeof contract.structure.saveRules> = {
      scale: '2-5',
      useWeights: false,
      rounding: 'threshold_0.6',
      allowExempt: false,
      allowPassFail: false,
      controlMarksDays: 3,
      minMarksPerPeriod: 5,
      entryDeadline: { shift1: '16:00', shift2: '20:30' },
    };
    expect(
      await admin.send(contract.structure.saveRules, { ...rules, entryDeadline: { shift1: '25:00', shift2: '20:30' } }),
    ).toMatchObject(refused('validation', /ЧЧ:ММ/));
    expect(await admin.send(contract.structure.saveRules, { ...rules, controlMarksDays: 0 })).toMatchObject(
      refused('validation', 'Срок выставления отметок: от 1 до 30 дней'),
    );
    await admin.value(contract.structure.saveRules, rules);
    expect(await deputy.value(contract.structure.rules, {})).toEqual(rules);
    expect(
      q<{ n: number }>("select count(*) as n from audit_log where action like 'structure.%'")[0]!.n,
    ).toBeGreaterThan(10);
  });
});
