// What each role may do, channel by channel, written out by hand from docs/DOMAIN.md's table of roles, so that a
// change to the role table (src/shared/roles.ts) or to a channel's declared access shows up here as a
// failing row. Every channel of the contract needs a row: the test walks the registry and fails on a
// channel that has none.
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../../src/shared/roles';
import { c5, readers, type Ctx, type ObjectCase, type Row } from './rows-kit';
import { reportRows } from './rows-reports';
import { importRows } from './rows-imports';
import { schoolRows } from './rows-school';
import { pupilRows } from './rows-pupils';
import { inspectionRows } from './rows-inspection';

export type { Ctx, Row, Who } from './rows-kit';

/** The first PDF in the print folder beside the database (core/app.ts: «zhurnal-print»). */
const printedBook = (core: Ctx['core']): string => {
  const root = path.join(path.dirname(core.db.$client.name), 'zhurnal-print');
  const pdf = fs.existsSync(root)
    ? (fs.readdirSync(root, { recursive: true }) as string[]).find((f) => f.endsWith('.pdf'))
    : undefined;
  return pdf ? path.join(root, pdf) : path.join(root, 'нет.pdf');
};

/** A folder that exists, for a backup destination. */
const folder = (tmp: string) => {
  const dir = path.join(tmp, 'копии');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

const movementReaders: readonly Role[] = ['admin', 'deputy', 'director', 'secretary'];
const order = { orderNumber: '12-у', orderDate: '2025-11-10' };
const teachers: readonly Role[] = ['teacher', 'class_teacher'];
const administration: readonly Role[] = ['admin', 'deputy'];
/** The print section and the retention register: the secretary and the admin print, the deputy reads. */
const printReaders: readonly Role[] = ['admin', 'deputy', 'secretary'];

/** A teacher's own maths lesson, or the class teacher's own Russian lesson. */
const ownLesson = ({ s, who }: Ctx) => (who === 'class_teacher' ? s.lessons.rus0902 : s.mathOwn);
const ownAssignment = ({ s, who }: Ctx) => (who === 'class_teacher' ? s.assignments.rus5 : s.assignments.mat5);
const cell = (c: Ctx) => ({ lessonId: ownLesson(c), studentId: c.s.students.C });
const planFile = (assignmentId: number) => ({
  assignmentId,
  fileName: 'ктп.csv',
  contentBase64: Buffer.from('Тема;Часы\nДроби;2\n').toString('base64'),
});

const markCases = (input: (lessonId: number, c: Ctx) => unknown): ObjectCase[] => [
  {
    as: 'teacher',
    input: (c) => input(c.s.lessons.rus0902, c),
    expect: 'forbidden',
    why: 'klruk’s Russian lesson is not math’s',
  },
  {
    as: 'teacher',
    input: (c) => input(c.s.substituted, c),
    expect: 'ok',
    why: 'math gave this Russian lesson as a substitute',
  },
  {
    as: 'class_teacher',
    input: (c) => input(c.s.mathOwn, c),
    expect: 'forbidden',
    why: 'a class teacher does not write the maths of their class',
  },
];

export const rows: Record<string, Row> = {
  // A login of its own per caller: five wrong passwords for one login from one place lock it, known or not.
  'auth:login': {
    allow: 'public',
    input: ({ who }) => ({ login: `nobody-${who}`.slice(0, 64), password: 'x' }),
    outcome: 'unauthorized',
  },
  'auth:logout': { allow: 'session' },
  // A wrong current password: the call passed the gate and the service refused the password.
  'auth:changePassword': {
    allow: 'session',
    input: () => ({ oldPassword: 'не-тот', newPassword: 'Новый-пароль-1' }),
    outcome: 'validation',
  },
  'auth:me': { allow: 'public' },

  'backup:status': { allow: ['admin'] },
  'backup:warning': { allow: ['admin'] },
  'backup:addDestination': { allow: ['admin'], input: ({ tmp }) => ({ path: folder(tmp), password: 'demo' }) },
  'backup:removeDestination': { allow: ['admin'], input: ({ tmp }) => ({ path: folder(tmp) }) },
  'backup:setSchedule': { allow: ['admin'], input: () => ({ dailyAt: null, onExit: false, beforeMigration: false }) },
  'backup:setRetention': { allow: ['admin'], input: () => ({ daily: 7, weekly: 4, monthly: 12 }) },
  'backup:createKey': { allow: ['admin'], input: () => ({}) },
  'backup:chooseUnencrypted': { allow: ['admin'], input: () => ({ password: 'demo' }) },
  // Its destination was just removed: the admin is told to add one.
  'backup:run': { allow: ['admin'], outcome: 'validation' },
  'backup:list': { allow: ['admin'] },
  'backup:verify': { allow: ['admin'], input: ({ tmp }) => ({ file: path.join(tmp, 'нет.db') }), outcome: 'not_found' },
  'backup:restore': {
    allow: ['admin'],
    input: ({ tmp }) => ({ file: path.join(tmp, 'нет.db'), password: 'demo' }),
    outcome: 'not_found',
  },

  'setup:status': { allow: 'public' },
  // The school exists: a second one is refused whoever asks.
  'setup:createSchool': {
    allow: 'public',
    input: () => ({
      schoolName: 'Вторая школа',
      admin: { login: 'admin2', password: 'пароль-12345', lastName: 'А', firstName: 'Б' },
    }),
    outcome: 'conflict',
  },
  'setup:createDemo': { allow: 'public', outcome: 'conflict' },

  'school:years': { allow: 'session' },
  'school:periods': { allow: 'session', input: ({ s }) => ({ yearId: s.year }) },

  'journal:assignments': { allow: readers },
  'journal:setMark': {
    allow: teachers,
    input: (c) => ({ ...cell(c), value1: '5' }),
    objects: markCases((lessonId, c) => ({ lessonId, studentId: c.s.students.D, value1: '4' })),
  },
  'journal:clearMark': {
    allow: teachers,
    input: cell,
    objects: markCases((lessonId, c) => ({ lessonId, studentId: c.s.students.D })),
  },
  'journal:setAbsence': {
    allow: teachers,
    input: (c) => ({ ...cell(c), code: 'н' }),
    objects: markCases((lessonId, c) => ({ lessonId, studentId: c.s.students.E, code: 'б' })),
  },
  'journal:cellHistory': {
    allow: readers,
    // English of 5А: the class teacher reads every subject of the class, math none of English.
    input: (c) => ({ lessonId: c.s.lessons.eng1_0901, studentId: c.s.students.A }),
    outcome: { teacher: 'forbidden' },
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ lessonId: c.s.mathOwn, studentId: c.s.students.A }),
        expect: 'ok',
        why: 'math’s own lesson',
      },
      {
        as: 'teacher',
        input: (c) => ({ lessonId: c.s.substituted, studentId: c.s.students.A }),
        expect: 'forbidden',
        why: 'reading klruk’s journal ended with the substitution (8 September)',
      },
      {
        as: 'class_teacher',
        input: (c) => ({ lessonId: c.s.mathOwn, studentId: c.s.students.A }),
        expect: 'ok',
        why: 'every subject of klruk’s class',
      },
    ],
  },
  'journal:setPeriodMark': {
    allow: teachers,
    input: (c) => ({
      assignmentId: ownAssignment(c),
      studentId: c.s.students.C,
      kind: 'period',
      periodId: c.s.periods.q2,
      value: '4',
    }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({
          assignmentId: c.s.assignments.rus5,
          studentId: c.s.students.C,
          kind: 'period',
          periodId: c.s.periods.q2,
          value: '4',
        }),
        expect: 'forbidden',
        why: 'a substitute gives lessons, not the journal’s period marks',
      },
      {
        as: 'class_teacher',
        input: (c) => ({
          assignmentId: c.s.assignments.mat5,
          studentId: c.s.students.C,
          kind: 'period',
          periodId: c.s.periods.q2,
          value: '4',
        }),
        expect: 'forbidden',
        why: 'the class teacher reads the maths of the class, does not mark it',
      },
    ],
  },
  'journal:finals': {
    allow: readers,
    input: (c) => ({ assignmentId: c.who === 'teacher' ? c.s.assignments.mat5 : c.s.assignments.rus5 }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ assignmentId: c.s.assignments.eng5g1 }),
        expect: 'forbidden',
        why: 'another teacher’s English',
      },
    ],
  },
  'journal:grid': {
    allow: readers,
    input: (c) => ({
      assignmentId: c.who === 'teacher' ? c.s.assignments.mat5 : c.s.assignments.rus5,
      periodId: c.s.periods.q1,
    }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ assignmentId: c.s.assignments.pe5, periodId: c.s.periods.q1 }),
        expect: 'forbidden',
        why: 'another teacher’s PE',
      },
      {
        as: 'class_teacher',
        input: (c) => ({ assignmentId: c.s.assignments.pe5, periodId: c.s.periods.q1 }),
        expect: 'ok',
        why: 'the class teacher reads every subject of 5А',
      },
      {
        as: 'class_teacher',
        input: (c) => ({ assignmentId: c.s.assignments.mat10, periodId: c.s.periods.h1 }),
        expect: 'forbidden',
        why: '10А is not klruk’s class and its maths not klruk’s',
      },
    ],
  },

  'lessons:update': {
    allow: teachers,
    input: (c) => ({ lessonId: ownLesson(c), topic: 'Повторение' }),
    objects: markCases((lessonId) => ({ lessonId, homework: '№ 5' })),
  },
  'lessons:add': {
    allow: teachers,
    input: (c) => ({ assignmentId: ownAssignment(c), date: '2025-11-10', lessonNumber: c.who === 'teacher' ? 6 : 7 }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ assignmentId: c.s.assignments.rus5, date: '2025-11-11', lessonNumber: 6 }),
        expect: 'forbidden',
        why: 'not math’s journal',
      },
      {
        as: 'class_teacher',
        input: (c) => ({ assignmentId: c.s.assignments.mat5, date: '2025-11-11', lessonNumber: 7 }),
        expect: 'forbidden',
        why: 'maths of klruk’s class is math’s journal',
      },
    ],
  },
  'lessons:move': {
    allow: teachers,
    input: (c) => ({ lessonId: ownLesson(c), date: '2025-09-04', lessonNumber: c.who === 'teacher' ? 5 : 6 }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ lessonId: c.s.klrukOnly, date: '2025-09-10', lessonNumber: 6 }),
        expect: 'forbidden',
        why: 'klruk’s lesson',
      },
    ],
  },
  'lessons:teachers': { allow: teachers },

  'substitutions:teachers': { allow: administration },
  'substitutions:lessons': {
    allow: administration,
    input: ({ s }) => ({ teacherId: s.users.klruk, from: '2025-09-01', to: '2025-09-30' }),
  },
  'substitutions:list': { allow: administration, input: () => ({ from: '2025-09-01', to: '2025-09-30' }) },
  'substitutions:record': {
    allow: administration,
    input: ({ s, who }) => ({
      target: { kind: 'lesson', lessonId: who === 'admin' ? s.lessons.eng2_0901 : s.lessons.rus1015 },
      substituteId: s.users.pe,
      reason: 'Больничный',
    }),
  },
  // The substitution each caller recorded in the row above (none when that call was refused, as the fuzz makes it).
  'substitutions:cancel': {
    allow: administration,
    input: ({ core, s, who }) => ({
      id:
        (core.db.$client
          .prepare('select id from substitutions where lesson_id = ?')
          .pluck()
          .get(who === 'admin' ? s.lessons.eng2_0901 : s.lessons.rus1015) as number | undefined) ?? 999_999,
    }),
  },

  'periods:locks': { allow: 'session', input: ({ s }) => ({ yearId: s.year }) },
  'periods:lock': {
    allow: ['admin', 'deputy'],
    input: ({ s, who }) => ({ periodId: s.periods.q2, classId: who === 'admin' ? s.classes.c1 : s.classes.c5 }),
  },
  'periods:unlock': {
    allow: ['admin', 'deputy'],
    input: ({ core, who }) => {
      const row = core.db.$client.prepare('select id from period_locks order by id').all() as { id: number }[];
      return { lockId: row[who === 'admin' ? 0 : 1]?.id ?? 999, reason: 'Исправление ошибки' };
    },
  },

  'plans:get': {
    allow: readers,
    input: (c) => ({ assignmentId: ownAssignment(c) }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ assignmentId: c.s.assignments.eng5g1 }),
        expect: 'forbidden',
        why: 'another teacher’s English',
      },
    ],
  },
  'plans:previewImport': {
    allow: teachers,
    input: (c) => planFile(ownAssignment(c)),
    objects: [
      {
        as: 'teacher',
        input: (c) => planFile(c.s.assignments.rus5),
        expect: 'forbidden',
        why: 'a substitute does not plan klruk’s Russian',
      },
    ],
  },
  'plans:save': {
    allow: teachers,
    input: (c) => ({ assignmentId: ownAssignment(c), rows: [{ section: null, title: 'Дроби', hours: 2 }] }),
    objects: [
      {
        as: 'class_teacher',
        input: (c) => ({ assignmentId: c.s.assignments.mat5, rows: [{ section: null, title: 'Дроби', hours: 2 }] }),
        expect: 'forbidden',
        why: 'math’s plan',
      },
    ],
  },
  'plans:assign': {
    allow: teachers,
    input: (c) => ({ assignmentId: ownAssignment(c), fromDate: '2025-09-01' }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ assignmentId: c.s.assignments.rus5, fromDate: '2025-09-01' }),
        expect: 'forbidden',
        why: 'not math’s plan',
      },
    ],
  },

  'print:classes': { allow: printReaders },
  'print:preflight': { allow: printReaders, input: ({ s }) => ({ classId: s.classes.c1 }) },
  'print:classBook': { allow: printReaders, input: ({ s }) => ({ classId: s.classes.c1 }) },
  'print:startSchool': { allow: ['admin', 'secretary'] },
  'print:job': { allow: ['admin', 'secretary'], input: () => ({ jobId: 'нет-такого' }), outcome: 'not_found' },
  'print:cancel': { allow: ['admin', 'secretary'], input: () => ({ jobId: 'нет-такого' }), outcome: 'not_found' },
  // The book print:classBook just wrote, past the gate to the service, which has no system viewer here.
  'print:open': {
    allow: printReaders,
    input: ({ core }) => ({ file: printedBook(core), action: 'open' }),
    outcome: 'conflict',
  },
  // The same book's bytes, for a browser to download.
  'print:download': { allow: printReaders, input: ({ core }) => ({ file: printedBook(core) }) },

  'attendance:classes': { allow: 'session' },
  // Open to every session at the gate; the class is checked in the core: its class teacher and the school's readers.
  'attendance:week': {
    allow: 'session',
    input: (c) => ({ ...c5(c), weekStart: '2025-09-01' }),
    outcome: { teacher: 'forbidden', secretary: 'forbidden' },
    objects: [
      {
        as: 'class_teacher',
        input: (c) => ({ classId: c.s.classes.c10, weekStart: '2025-09-01' }),
        expect: 'forbidden',
        why: 'not klruk’s class',
      },
    ],
  },
  'attendance:confirmWeek': {
    allow: ['class_teacher'],
    input: (c) => ({ ...c5(c), weekStart: '2025-09-01' }),
    objects: [
      {
        as: 'class_teacher',
        input: (c) => ({ classId: c.s.classes.c10, weekStart: '2025-09-01' }),
        expect: 'forbidden',
        why: 'not klruk’s class',
      },
    ],
  },
  'attendance:setReason': {
    allow: ['class_teacher'],
    input: (c) => ({
      ...c5(c),
      studentId: c.s.students.E,
      from: '2025-09-01',
      to: '2025-09-01',
      code: 'у',
      reason: 'Заявление родителей',
    }),
    objects: [
      {
        as: 'class_teacher',
        input: (c) => ({
          classId: c.s.classes.c10,
          studentId: c.s.students.K,
          from: '2025-09-01',
          to: '2025-09-01',
          code: 'у',
          reason: 'Заявление',
        }),
        expect: 'forbidden',
        why: 'not klruk’s class',
      },
    ],
  },
  'attendance:schoolDay': {
    allow: readers,
    input: () => ({ date: '2025-09-01' }),
    outcome: { teacher: 'forbidden', class_teacher: 'forbidden' },
  },

  'day:mine': { allow: teachers, input: () => ({ date: '2025-09-02' }) },

  ...reportRows,

  'users:list': { allow: ['admin'] },
  'users:create': {
    allow: ['admin'],
    input: () => ({ login: 'novaya', lastName: 'Новикова', firstName: 'Нина', roles: ['teacher'] }),
  },
  'users:resetPassword': { allow: ['admin'], input: ({ s }) => ({ userId: s.extraUsers.spare, password: 'demo' }) },
  'users:setActive': { allow: ['admin'], input: ({ s }) => ({ userId: s.extraUsers.spare, active: false }) },
  'network:get': { allow: ['admin'] },
  'network:info': { allow: ['admin'] },
  'network:set': { allow: ['admin'], input: () => ({ schoolNetwork: false, password: 'demo' }) },
  // Движение учащихся: the secretary and the admin enter the director's orders; the administration reads them.
  'movement:classes': { allow: movementReaders },
  'movement:arrive': {
    allow: ['admin', 'secretary'],
    input: ({ s, who }) => ({
      lastName: 'Новенький',
      firstName: who === 'admin' ? 'Артём' : 'Семён',
      classId: s.classes.c5,
      date: '2025-11-10',
      from: 'МБОУ СОШ № 3',
      ...order,
    }),
  },
  'movement:transfer': {
    allow: ['admin', 'secretary'],
    input: ({ s, who }) => ({
      studentId: who === 'admin' ? s.students.first1 : s.students.first2,
      toClassId: s.classes.c10,
      date: '2025-11-12',
      ...order,
    }),
  },
  'movement:changeSubgroup': {
    allow: ['admin', 'secretary'],
    input: ({ s, core, who }) => {
      const group2 = core.db.$client
        .prepare("select id from subgroups where name = '2 группа'")
        .pluck()
        .get() as number;
      return {
        studentId: who === 'admin' ? s.students.A : s.students.B,
        toSubgroupId: group2,
        date: '2025-11-12',
        ...order,
      };
    },
  },
  'movement:leave': {
    allow: ['admin', 'secretary'],
    input: ({ s, who }) => ({
      studentId: who === 'admin' ? s.students.L : s.students.G,
      date: '2025-11-14',
      to: 'МБОУ СОШ № 5',
      ...order,
    }),
  },
  // A correction or cancellation of an order that does not exist: past the gate, the core answers «нет такого приказа».
  'movement:correct': {
    allow: ['admin', 'secretary'],
    input: () => ({ movementId: 999_999, reason: 'ошибка', date: '2025-11-10', ...order }),
    outcome: 'not_found',
  },
  'movement:cancel': {
    allow: ['admin', 'secretary'],
    input: () => ({ movementId: 999_999, reason: 'ошибка' }),
    outcome: 'not_found',
  },
  'movement:register': { allow: movementReaders },
  'movement:registerFile': { allow: movementReaders, input: () => ({ params: {}, format: 'xlsx' }) },

  'setup:defaults': { allow: 'public' },
  // Open to every session at the gate; the core lets the secretary and the admin load class lists.
  ...importRows,
  'calendar:get': { allow: 'session' },
  // Past the gate the admin meets the calendar's own rule: the tiny school has one half-year, and two are needed.
  // A whole calendar (the tiny school stores two quarters and one half-year): past the calendar's own checks,
  // the year's marks lock its periods.
  'calendar:save': {
    allow: ['admin'],
    input: ({ core, s }) => {
      const { calendar } = core.services.calendar.get(s.year);
      const extra = [
        { scheme: 'quarters', number: 3, name: '3 четверть', startDate: '2026-01-12', endDate: '2026-03-20' },
        { scheme: 'quarters', number: 4, name: '4 четверть', startDate: '2026-03-30', endDate: '2026-05-31' },
        { scheme: 'half_years', number: 2, name: '2 полугодие', startDate: '2026-01-12', endDate: '2026-05-31' },
      ];
      return {
        yearId: s.year,
        calendar: {
          ...calendar,
          periods: [
            ...calendar.periods.filter((p) => !extra.some((e) => e.scheme === p.scheme && e.number === p.number)),
            ...extra,
          ],
        },
      };
    },
    outcome: { admin: 'locked' },
  },
  'profile:get': { allow: 'session' },
  'profile:save': {
    allow: ['admin'],
    input: () => ({ fullName: 'Тестовая школа № 1', shortName: 'Школа № 1', address: '', director: '' }),
  },

  ...schoolRows,
  ...pupilRows,
  ...inspectionRows,

  // Sessions and the audit viewer: lock and unlock one's own session; the admin's security settings; the
  // audit log for the admin and the deputy, filtered and exported.
  'auth:lock': { allow: 'session', input: () => ({ cause: 'manual' }) },
  'auth:unlock': { allow: 'session', input: () => ({ password: 'demo' }) },
  'users:security': { allow: ['admin'] },
  'users:setSecurity': {
    allow: ['admin'],
    input: () => ({ idleLockMinutes: 10, lockoutThreshold: 5, lockoutMinutes: 15 }),
  },
  'audit:list': {
    allow: ['admin', 'deputy'],
    input: ({ s }) => ({
      filter: { kind: 'marks', classId: s.classes.c5, from: '2025-09-01', to: '2026-12-31' },
      limit: 50,
    }),
  },
  'audit:options': { allow: ['admin', 'deputy'], input: ({ s }) => ({ classId: s.classes.c5 }) },
  'audit:export': { allow: ['admin', 'deputy'], input: ({ s }) => ({ filter: { userId: s.users.math } }) },
  'audit:verifyChain': { allow: ['admin', 'deputy'], input: () => ({}) },

  'users:unlock': { allow: ['admin'], input: ({ s }) => ({ userId: s.extraUsers.spare }) },
  'users:rename': {
    allow: ['admin'],
    input: ({ s }) => ({ userId: s.extraUsers.spare, lastName: 'Запасова-Новая', firstName: 'Ольга' }),
  },
  'users:setRoles': {
    allow: ['admin'],
    input: ({ s }) => ({ userId: s.extraUsers.spare, roles: ['teacher', 'secretary'], password: 'demo' }),
  },
};
