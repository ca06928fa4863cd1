import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabels } from '../../src/shared/audit';
import { auditValues } from '../../src/shared/audit-values';
import { namesFrom } from '../../src/shared/audit-words';

/** Every action name the core writes: literal ones, both sides of a ternary, and the templated ones spelled out. */
function actionsInCore(): Set<string> {
  const found = new Set<string>(['mark.conflict', 'absence.conflict', 'lesson.conflict', 'period_mark.conflict']);
  for (const kind of ['enrolled', 'arrived', 'transferred', 'left']) found.add(`movement.${kind}`);
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  for (const file of walk(path.join(__dirname, '../../src/core'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\baction:|\blog\(\s*actor,)\s*([^,]*)/g)) {
      for (const name of m[1]!.matchAll(/'([a-z_]+(?:\.[a-zA-Z_]+)+)'/g)) found.add(name[1]!);
    }
  }
  return found;
}

const client = 'http 192.168.1.23';
const computer = '192.168.1.23 (Кабинет 12)';

/** What each action stores, in the shape its service writes (old, new); the network host adds `computer`. */
const samples: Record<string, [unknown, unknown]> = {
  'mark.set': [null, { value1: '5', value2: null, workKindId: 1 }],
  'mark.clear': [{ value1: '4', value2: '5', workKindId: 1 }, null],
  'mark.conflict': [
    { value1: '4', value2: null, workKindId: 1 },
    { value1: '5', value2: null, workKindId: 1 },
  ],
  'absence.set': [null, 'н'],
  'absence.clear': ['у', null],
  'absence.conflict': ['н', 'у'],
  'attendance.confirm': [null, { checkedBy: 2, checkedAt: '2026-12-05 10:00', note: null }],
  'period_mark.set': [null, '5'],
  'period_mark.clear': ['4', null],
  'period_mark.conflict': ['4', '5'],
  'lesson.update': [
    { status: 'planned', topic: null },
    { status: 'held', topic: 'Дроби' },
  ],
  'lesson.conflict': [{ topic: 'Дроби' }, { topic: 'Проценты' }],
  'lesson.add': [null, { date: '2026-12-05', lessonNumber: 3 }],
  'lesson.move': [
    { date: '2026-12-05', lessonNumber: 3 },
    { date: '2026-12-06', lessonNumber: 2 },
  ],
  'plan.save': [
    { topics: 30, hours: 34 },
    { topics: 32, hours: 34 },
  ],
  'plan.assign': [null, { fromDate: '2026-09-01', lessons: 30 }],
  'period.lock': [null, { periodId: 2, classId: 5 }],
  'period.unlock': [{ periodId: 2, classId: 5 }, null],
  'student.view_personal': [null, { classId: 5, via: 'print' }],
  'remark.write': [null, { text: 'Не записаны темы', fixBy: '2026-12-10' }],
  'remark.done': [{ text: 'Не записаны темы' }, { response: 'Записаны' }],
  'remark.confirm': [{ text: 'Не записаны темы', response: 'Записаны' }, null],
  'remark.reopen': [{ text: 'Не записаны темы', response: null }, null],
  'check.save': [null, { from: '2026-11-01', to: '2026-11-30', classId: 5, findings: 12 }],
  'student.update': [
    {
      student: 'Иванов Пётр',
      birthDate: '2014-03-02',
      gender: null,
      parents: ['Иванова Мария (мать), +7 912 345-67-89'],
    },
    { birthDate: '2014-02-03', gender: 'm', parents: [] },
  ],
  'movement.enrolled': [null, { kind: 'enrolled', studentId: 3, date: '2026-09-01', movementId: 7 }],
  'movement.arrived': [null, { kind: 'arrived', studentId: 3, date: '2026-09-01', movementId: 7 }],
  'movement.transferred': [null, { kind: 'transferred', studentId: 3, movementId: 8 }],
  'movement.left': [null, { kind: 'left', studentId: 3, movementId: 9 }],
  'movement.subgroup': [{ subgroupId: 1 }, { subgroupId: 2, date: '2026-10-01', orderNumber: '12', orderDate: null }],
  'movement.correct': [
    { movementId: 7, date: '2026-09-01' },
    { movementId: 7, date: '2026-09-02' },
  ],
  'movement.cancel': [{ movementId: 7, date: '2026-09-01', student: 'Иванов Иван' }, null],
  'users.create': [null, { login: 'ivanova', roles: ['teacher', 'class_teacher'] }],
  'users.role.grant': [null, { role: 'class_teacher', classId: 5 }],
  'users.reset': [null, null],
  'users.disable': [null, null],
  'users.enable': [null, null],
  'users.rename': [
    { lastName: 'Иванова', firstName: 'Анна', middleName: null },
    { lastName: 'Петрова', firstName: 'Анна', middleName: 'Ивановна' },
  ],
  'users.roles': [{ roles: ['teacher'] }, { roles: ['deputy', 'teacher'] }],
  'users.unlock': [{ lockedUntil: '2026-12-05 10:15', lockedFrom: [client, null] }, null],
  'settings.security': [{ idleMinutes: 15 }, { idleMinutes: 10 }],
  'settings.school_network': [false, true],
  'auth.login': [null, { client }],
  'auth.login_failed': [null, { client, login: 'ivanova' }],
  'auth.guessing': [null, { client, login: 'ivanova' }],
  'auth.logout': [null, { client: 'desktop' }],
  'auth.password_changed': [null, { client }],
  'auth.session_locked': [null, { cause: 'idle' }],
  'auth.session_unlocked': [null, { client }],
  'auth.unlock_failed': [null, { client }],
  'auth.change_failed': [null, { client }],
  'auth.confirm_failed': [null, { client }],
  'backup.run': [null, { reason: 'manual', ok: true, written: 2, destinations: 2 }],
  'backup.restore': [null, { file: 'copy.zhb', by: 'admin', safetyCopy: 'safe.zhb', auditChain: 'whole' }],
  'backup.destination_add': [null, { path: 'D:\\Копии' }],
  'backup.destination_remove': [{ path: 'D:\\Копии' }, null],
  'backup.schedule': [{ daily: '18:00' }, { daily: '19:00' }],
  'backup.retention': [{ keep: 30 }, { keep: 60 }],
  'backup.key_create': [null, { recipient: 'age1abc' }],
  'backup.encryption_off': [{ recipient: 'age1abc' }, null],
  'calendar.save': [{ quarters: 4 }, { quarters: 3 }],
  'retention.done': [null, { kind: 'journals', note: 'сданы в архив' }],
  'print.book': [null, { file: '5А.pdf', pages: 40, duplex: true, personalData: false }],
  'print.school': [null, { duplex: true, personalData: true }],
  'print.send': [null, { file: '5А.pdf' }],
  'print.download': [null, { file: '5А.pdf' }],
  'report.export': [null, { format: 'xlsx' }],
  'access.refused': [null, { channel: 'journal:setMark', classId: 5 }],
  'import.students': [null, { file: 'ученики.xlsx', created: 25, existing: 2, skipped: 1 }],
  'import.teachers': [null, { file: 'учителя.xlsx', created: 10, existing: 0, skipped: 0 }],
  'school.create': [null, { name: 'Школа № 1', year: '2026/2027', admin: 'admin' }],
  'school.demo': [null, { tier: 'small' }],
  'school.profile': [{ name: 'Школа' }, { name: 'Школа № 1', director: 'Петрова' }],
  'structure.rules': [{ scale: 5 }, { scale: 5, rounding: 'half_up' }],
  'structure.subject.create': [null, { name: 'Физика' }],
  'structure.subject.update': [null, { id: 3, name: 'Физика' }],
  'structure.subject.delete': [{ name: 'Физика' }, null],
  'structure.curriculum.save': [null, { classId: 5, subjectId: 3, hoursPerWeek: 2 }],
  'structure.curriculum.delete': [null, null],
  'structure.class.create': [null, { grade: 5, letter: 'А' }],
  'structure.class.update': [null, { id: 5, grade: 5, letter: 'Б' }],
  'structure.class.delete': [{ name: '5А' }, null],
  'structure.subgroup.create': [null, { name: 'Группа 1' }],
  'structure.subgroup.update': [null, { name: 'Группа 2' }],
  'structure.subgroup.delete': [{ name: 'Группа 1' }, null],
  'structure.subgroup.members': [null, { studentIds: [1, 2, 3] }],
  'structure.assignment.create': [null, { classId: 5, subjectId: 3, teacherId: 4, movedLessons: 0 }],
  'structure.assignment.update': [{ teacherId: 4 }, { teacherId: 6, movedLessons: 12 }],
  'structure.assignment.delete': [{ teacherId: 4 }, null],
  'structure.workKind.create': [null, { name: 'Ответ на уроке', weight: 1 }],
  'structure.workKind.update': [null, { name: 'Ответ на уроке', weight: 2 }],
  'structure.workKind.delete': [{ name: 'Ответ на уроке' }, null],
  'substitution.record': [{ givenById: 4 }, { givenById: 6, reason: 'болезнь' }],
  'substitution.cancel': [{ givenById: 6, reason: 'болезнь' }, { givenById: 4 }],
  'timetable.save': [null, { from: '2026-09-01', slots: 30, clashes: 0, created: 120, removed: 0, kept: [1, 2] }],
  'timetable.generate': [null, { from: '2026-09-01', created: 120, removed: 3, kept: 2 }],
  'timetable.bells': [null, [{ number: 1, start: '08:30', end: '09:15' }]],
  'year.prepare': [null, { name: '2027/2028', classes: 11 }],
  'year.outcome': [null, { decided: 'promoted', studentId: 3 }],
  'year.close': [null, { orderNumber: '45', orderDate: '2027-05-31', missingMarks: 0 }],
};

const names = namesFrom({
  workKinds: [{ id: 1, name: 'Ответ на уроке' }],
  users: [
    { id: 4, name: 'Иванова Мария Петровна (ivanova)' },
    { id: 6, name: 'Петрова Анна Ивановна (petrova)' },
  ],
});
const shown = (action: string, before: unknown, after: unknown) =>
  auditValues(
    {
      action,
      entityId: null,
      oldValue: before === null ? null : JSON.stringify(before),
      newValue: after === null ? null : JSON.stringify(after),
    },
    names,
  );

describe('the audit log in words', () => {
  const actions = [...actionsInCore()].sort();

  it('finds the actions the core writes', () => {
    expect(actions).toEqual(expect.arrayContaining(['mark.set', 'lesson.update', 'auth.login', 'substitution.record']));
  });

  it.each(actions)('%s has a Russian name and a sample of what it stores', (action) => {
    expect(auditActionLabels[action]).toMatch(/[а-яё]/i);
    expect(samples[action], 'add the values this action stores to the samples').toBeDefined();
  });

  it.each(actions)('%s is shown without JSON, also when another computer made it', (action) => {
    const [before, after] = samples[action] ?? [null, null];
    const withComputer = (v: unknown) =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? { ...v, computer }
        : v === null
          ? { computer }
          : { value: v, computer };
    for (const pair of [shown(action, before, after), shown(action, before, withComputer(after))]) {
      for (const text of [pair.before, pair.after]) expect(text ?? '').not.toMatch(/[{}"[\]]/);
    }
  });

  it('reads a mark, a lesson held, a login and a substitution as a person would say them', () => {
    expect(shown('mark.set', null, { value1: '5', value2: null, workKindId: 1 }).after).toBe('5 (Ответ на уроке)');
    expect(shown('mark.set', null, { value1: '4', value2: '5', workKindId: 9 }).after).toBe('4/5 (вид работы №9)');
    expect(shown('lesson.update', { status: 'planned' }, { status: 'held' })).toEqual({
      before: 'урок запланирован',
      after: 'урок проведён',
    });
    expect(shown('auth.login', null, { client }).after).toBe('вход с компьютера 192.168.1.23');
    expect(shown('absence.set', null, { value: 'н', computer }).after).toBe(`н, компьютер: ${computer}`);
    expect(shown('substitution.record', { givenById: 4 }, { givenById: 6, reason: 'болезнь' }).after).toBe(
      'учитель: Петрова Анна Ивановна (petrova), причина: болезнь',
    );
  });

  it('reads a pupil card change with the old values', () => {
    const before = {
      student: 'Иванов Пётр',
      gender: null,
      parents: ['Иванова М. (мать), +7 912 345-67-89', 'Иванов П. (отец)'],
    };
    expect(shown('student.update', before, { gender: 'f', parents: [] })).toEqual({
      before: 'ученик: Иванов Пётр, пол: —, родители: Иванова М. (мать), +7 912 345-67-89; Иванов П. (отец)',
      after: 'пол: женский, родители: —',
    });
  });
});
