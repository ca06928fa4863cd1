// The reports' rows of the permission table: the school's readers read them all; a subject teacher only the
// reports of their own teaching; a class teacher those of their own class (10А is not klruk’s).
import { c5, readers, type Ctx, type ObjectCase, type Row } from './rows-kit';

const notKlruksClass = (input: (c: Ctx) => unknown): ObjectCase[] => [
  { as: 'class_teacher', input, expect: 'forbidden', why: '10А is not klruk’s class' },
];

export const reportRows: Record<string, Row> = {
  'reports:classes': { allow: readers },
  // A subject teacher reads the reports of their own teaching: the whole school's, filtered; a class only their class teacher.
  'reports:progress': {
    allow: readers,
    input: ({ s }) => ({ periodId: s.periods.q1, level: 'subject' }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ periodId: c.s.periods.q1, level: 'class', classId: c.s.classes.c5 }),
        expect: 'forbidden',
        why: '5А is klruk’s class',
      },
    ],
  },
  'reports:attendanceMonth': {
    allow: readers,
    input: (c) => ({ ...c5(c), month: '2025-09' }),
    outcome: { teacher: 'forbidden' },
    objects: [
      {
        as: 'class_teacher',
        input: (c) => ({ classId: c.s.classes.c10, month: '2025-09' }),
        expect: 'forbidden',
        why: 'not klruk’s class',
      },
    ],
  },
  'reports:attendanceYear': {
    allow: readers,
    input: c5,
    outcome: { teacher: 'forbidden' },
    objects: notKlruksClass((c) => ({ classId: c.s.classes.c10 })),
  },
  'reports:summarySheet': {
    allow: readers,
    input: c5,
    outcome: { teacher: 'forbidden' },
    objects: notKlruksClass((c) => ({ classId: c.s.classes.c10 })),
  },
  'reports:students': {
    allow: readers,
    input: c5,
    outcome: { teacher: 'forbidden' },
    objects: notKlruksClass((c) => ({ classId: c.s.classes.c10 })),
  },
  'reports:classTeacher': {
    allow: readers,
    input: (c) => ({ ...c5(c), periodId: c.s.periods.q1 }),
    outcome: { teacher: 'forbidden' },
    objects: notKlruksClass((c) => ({ classId: c.s.classes.c10, periodId: c.s.periods.h1 })),
  },
  // School-wide lists: the school's readers and class teachers (for their class), not a subject teacher.
  'reports:movement': { allow: readers, outcome: { teacher: 'forbidden' } },
  'reports:fill': { allow: readers, input: () => ({ date: '2025-09-01' }), outcome: { teacher: 'forbidden' } },
  'reports:outcomes': { allow: readers, outcome: { teacher: 'forbidden' } },
  'reports:statement': {
    allow: readers,
    input: ({ s }) => ({ classId: s.classes.c5, studentId: s.students.A, periodId: s.periods.q1 }),
    outcome: { teacher: 'forbidden' },
    objects: notKlruksClass((c) => ({ classId: c.s.classes.c10, studentId: c.s.students.K, periodId: c.s.periods.h1 })),
  },
  'reports:forecast': {
    allow: readers,
    input: ({ s }) => ({ periodId: s.periods.q1, asOf: '2025-10-01' }),
    objects: [
      {
        as: 'teacher',
        input: (c) => ({ periodId: c.s.periods.q1, classId: c.s.classes.c10 }),
        expect: 'forbidden',
        why: 'not math’s class to report on',
      },
    ],
  },
  'reports:control': { allow: readers, input: () => ({ from: '2025-09-01', to: '2025-09-30' }) },
  'reports:substitutions': { allow: readers, input: () => ({ month: '2025-09' }) },
  'reports:file': {
    allow: readers,
    input: () => ({ report: 'fill', params: { date: '2025-09-01' }, format: 'xlsx' }),
    outcome: { teacher: 'forbidden' },
    objects: notKlruksClass((c) => ({ report: 'attendanceYear', params: { classId: c.s.classes.c10 }, format: 'pdf' })),
  },
};
