// The rows of the school's structure, timetable and year channels (they landed after the first table): each
// with a well-formed call that an allowed role carries through to the service — a new subject that is then
// deleted, a class, an assignment, a subgroup, a work kind, the rules, a week of timetable, the year's
// decisions, its closing and the next year — so that the walk proves the gate lets them through, not only
// that it stops the others. The registry calls them in this order, each row's roles in roles.ts's order.
import type { Role } from '../../../src/shared/roles';
import type { Ctx, Row } from './rows-kit';

const management: readonly Role[] = ['admin', 'deputy', 'director'];
const closers: readonly Role[] = ['admin', 'deputy'];

/** The id of the one row a query names (what an earlier call of the walk created). */
const idOf = ({ core }: Ctx, query: string, ...params: unknown[]) =>
  (core.db.$client
    .prepare(query)
    .pluck()
    .get(...params) as number | undefined) ?? 999_999;
const group1 = (c: Ctx) => idOf(c, "select id from subgroups where class_id = ? and name = '1 группа'", c.s.classes.c5);
const order = { orderNumber: '50-у', orderDate: '2026-05-29' };

export const schoolRows: Record<string, Row> = {
  'timetable:ofClass': { allow: management, input: ({ s }) => ({ classId: s.classes.c5, date: '2025-11-10' }) },
  'timetable:save': {
    allow: ['admin'],
    input: ({ s }) => ({
      classId: s.classes.c10,
      from: '2025-11-10',
      slots: [{ assignmentId: s.assignments.mat10, weekday: 1, lessonNumber: 1, room: '12' }],
    }),
  },
  'timetable:generate': { allow: ['admin'], input: () => ({ from: '2025-11-10' }) },
  'timetable:bells': { allow: management },
  'timetable:saveBells': {
    allow: ['admin'],
    input: () => ({ shift: 2, times: [{ number: 1, startTime: '13:30', endTime: '14:15' }] }),
  },

  'structure:overview': { allow: management, input: ({ s }) => ({ yearId: s.year }) },
  'structure:saveSubject': {
    allow: ['admin'],
    input: () => ({ name: 'Информатика', shortName: 'Инф', sortOrder: 50 }),
  },
  'structure:deleteSubject': {
    allow: ['admin'],
    input: (c) => ({ id: idOf(c, "select id from subjects where name = 'Информатика'") }),
  },
  'structure:saveCurriculum': {
    allow: ['admin'],
    input: ({ s }) => ({
      grade: 10,
      subjectId: s.subjects.phys,
      hoursPerWeek: 2,
      hoursPerYear: 68,
      splitIntoSubgroups: false,
    }),
  },
  'structure:deleteCurriculum': {
    allow: ['admin'],
    input: (c) => ({ id: idOf(c, 'select id from curriculum where grade = 10 and subject_id = ?', c.s.subjects.phys) }),
  },
  'structure:saveClass': {
    allow: ['admin'],
    input: () => ({ grade: 11, letter: 'б', shift: 1, classTeacherId: null }),
  },
  'structure:deleteClass': {
    allow: ['admin'],
    input: (c) => ({ id: idOf(c, "select id from classes where grade = 11 and letter = 'Б'") }),
  },
  'structure:saveAssignment': {
    allow: ['admin'],
    input: ({ s }) => ({
      classId: s.classes.c10,
      subgroupId: null,
      subjectId: s.subjects.eng,
      teacherId: s.users.eng1,
      hoursPerWeek: 3,
    }),
  },
  'structure:deleteAssignment': {
    allow: ['admin'],
    input: (c) => ({
      id: idOf(
        c,
        'select id from assignments where class_id = ? and subject_id = ?',
        c.s.classes.c10,
        c.s.subjects.eng,
      ),
    }),
  },
  'structure:saveSubgroup': {
    allow: ['admin'],
    input: ({ s }) => ({ classId: s.classes.c10, subjectId: s.subjects.eng, name: '1 группа' }),
  },
  'structure:deleteSubgroup': {
    allow: ['admin'],
    input: (c) => ({
      id: idOf(c, "select id from subgroups where class_id = ? and name = '1 группа'", c.s.classes.c10),
    }),
  },
  'structure:subgroupMembers': { allow: management, input: (c) => ({ subgroupId: group1(c), date: '2025-11-01' }) },
  'structure:setSubgroupMembers': {
    allow: ['admin'],
    input: (c) => ({
      subgroupId: group1(c),
      date: '2025-11-20',
      studentIds: [c.s.students.A, c.s.students.B, c.s.students.C, c.s.students.D],
      orderNumber: '31-у',
    }),
  },
  'structure:saveWorkKind': {
    allow: ['admin'],
    input: () => ({ name: 'Проект', shortName: 'пр', weight: 1.5, isControl: false, color: '#123456' }),
  },
  'structure:deleteWorkKind': {
    allow: ['admin'],
    input: (c) => ({ id: idOf(c, "select id from work_kinds where name = 'Проект'") }),
  },
  'structure:rules': { allow: management },
  'structure:saveRules': {
    allow: ['admin'],
    input: () => ({
      scale: '1-5',
      useWeights: true,
      rounding: 'half_up',
      allowExempt: true,
      allowPassFail: true,
      controlMarksDays: 7,
      minMarksPerPeriod: 3,
      entryDeadline: { shift1: '17:00', shift2: '21:00' },
    }),
  },

  // Closing the year: every student on the roll at its end gets a decision, then the year is closed (the
  // deputy, second, finds it closed already), and the admin opens the next one from it.
  'years:status': { allow: closers, input: ({ s }) => ({ yearId: s.year }) },
  'years:decide': {
    allow: closers,
    input: (c) => {
      const onRoll = c.core.db.$client
        .prepare(
          "select distinct e.student_id from class_enrollments e join classes k on k.id = e.class_id where k.year_id = ? and (e.end_date is null or e.end_date >= '2026-05-31')",
        )
        .pluck()
        .all(c.s.year) as number[];
      return { yearId: c.s.year, decisions: onRoll.map((studentId) => ({ studentId, outcome: 'promoted' })), ...order };
    },
  },
  'years:close': {
    allow: closers,
    input: ({ s }) => ({ yearId: s.year, acceptGaps: true, ...order }),
    outcome: { deputy: 'locked' },
  },
  'years:prepareNext': {
    allow: ['admin'],
    input: ({ s }) => ({ fromYearId: s.year, name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-31' }),
  },
  'retention:register': { allow: ['admin', 'deputy', 'secretary'] },
  'retention:markDone': {
    allow: ['admin', 'secretary'],
    input: ({ s, who }) => ({
      yearId: s.year,
      kind: who === 'admin' ? 'handover' : 'journals',
      note: 'Акт № 3 от 01.07.2026',
    }),
  },
};
