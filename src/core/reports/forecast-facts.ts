// Marks, lessons and absences of a set of journals within one period up to a date: what the forecast reads.
import type { Db } from '../db/open';
import { membersDuring } from '../journal/membership';
import type { DatedMark } from './forecast-model';

export interface JournalFacts {
  assignmentId: number;
  students: number[];
  /** studentId → marks (a «5/4» cell gives two). */
  marks: Map<number, DatedMark[]>;
  lessonsHeld: number;
  /** Lessons each student was due at (joined late or left early: fewer). */
  dueOf(studentId: number): number;
  missed: Map<number, number>;
}

export function journalFacts(
  db: Db,
  journals: ReadonlyArray<{ id: number; classId: number; subgroupId: number | null }>,
  from: string,
  asOf: string,
): JournalFacts[] {
  const sql = db.$client;
  const lessonStmt = sql.prepare(
    `select id, date from lessons where assignment_id = ? and date between ? and ? and status <> 'not_held'`,
  );
  const markStmt = sql.prepare(
    `select m.student_id as studentId, l.date, m.value1, m.value2, k.weight from marks m join lessons l on l.id = m.lesson_id
     join work_kinds k on k.id = m.work_kind_id where l.assignment_id = ? and l.date between ? and ?`,
  );
  const absenceStmt = sql.prepare(
    `select x.student_id as studentId, count(*) as n from absences x join lessons l on l.id = x.lesson_id
     where l.assignment_id = ? and l.date between ? and ? and l.status <> 'not_held' and x.code <> 'оп' group by x.student_id`,
  );
  const useWeights = true;
  return journals.map((j) => {
    const spans = membersDuring(db, j, from, asOf);
    const lessons = lessonStmt.all(j.id, from, asOf) as Array<{ id: number; date: string }>;
    const marks = new Map<number, DatedMark[]>();
    for (const m of markStmt.all(j.id, from, asOf) as Array<{
      studentId: number;
      date: string;
      value1: string;
      value2: string | null;
      weight: number;
    }>) {
      const list = marks.get(m.studentId) ?? [];
      for (const v of [m.value1, m.value2])
        if (v !== null && v !== 'н/а') list.push({ date: m.date, value: Number(v), weight: useWeights ? m.weight : 1 });
      marks.set(m.studentId, list);
    }
    const missed = new Map(
      (absenceStmt.all(j.id, from, asOf) as Array<{ studentId: number; n: number }>).map((a) => [a.studentId, a.n]),
    );
    return {
      assignmentId: j.id,
      students: [...new Set(spans.map((s) => s.studentId))],
      marks,
      lessonsHeld: lessons.length,
      dueOf: (studentId: number) => {
        const mine = spans.filter((s) => s.studentId === studentId);
        return lessons.filter((l) =>
          mine.some((s) => s.startDate <= l.date && (s.endDate === null || s.endDate >= l.date)),
        ).length;
      },
      missed,
    };
  });
}
