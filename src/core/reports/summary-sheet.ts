// Сводная ведомость учёта успеваемости: a class's students × subjects, the mark of every period and the year
// (and the exam and final marks where there are any). Kept 25 years, so it lists everyone who was in the class.
import { and, eq, inArray } from 'drizzle-orm';
import type { SummarySheetData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { assignments, periodMarks, subjects } from '../db/schema';
import { numbered, rosterDuring, type ClassInfo } from './roster';
import type { YearRow } from '../school/years';
import { periodsOfGrade } from './terms';

export function summarySheet(db: Db, cls: ClassInfo, year: YearRow): SummarySheetData {
  const students = numbered(rosterDuring(db, [cls.id], year.startDate, year.endDate));
  const ids = students.map((s) => s.studentId);
  const periods = periodsOfGrade(db, year.id, cls.grade);
  const marks = ids.length
    ? db
        .select({
          studentId: periodMarks.studentId,
          subjectId: periodMarks.subjectId,
          kind: periodMarks.kind,
          periodId: periodMarks.periodId,
          value: periodMarks.value,
        })
        .from(periodMarks)
        .where(and(eq(periodMarks.yearId, year.id), inArray(periodMarks.studentId, ids)))
        .all()
    : [];
  const taught = db
    .selectDistinct({ id: subjects.id, name: subjects.name, order: subjects.sortOrder })
    .from(assignments)
    .innerJoin(subjects, eq(subjects.id, assignments.subjectId))
    .where(eq(assignments.classId, cls.id))
    .all();
  const subjectIds = new Set([...taught.map((s) => s.id), ...marks.map((m) => m.subjectId)]);
  const allSubjects = db
    .select()
    .from(subjects)
    .all()
    .filter((s) => subjectIds.has(s.id));
  allSubjects.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ru'));

  const termKey = (m: { kind: string; periodId: number | null }) => (m.kind === 'period' ? `p${m.periodId}` : m.kind);
  const terms = [
    ...periods.map((p) => ({ key: `p${p.id}`, name: p.name })),
    { key: 'year', name: 'Год' },
    ...(marks.some((m) => m.kind === 'exam') ? [{ key: 'exam', name: 'Экзамен' }] : []),
    ...(marks.some((m) => m.kind === 'final') ? [{ key: 'final', name: 'Итог' }] : []),
  ];
  const known = new Set(terms.map((t) => t.key));
  const byStudent = new Map<number, Record<string, Record<string, string>>>();
  for (const m of marks) {
    const key = termKey(m);
    if (!known.has(key)) continue;
    const own = byStudent.get(m.studentId) ?? {};
    byStudent.set(m.studentId, own);
    (own[String(m.subjectId)] ??= {})[key] = m.value;
  }
  return {
    className: cls.name,
    terms,
    subjects: allSubjects.map((s) => ({ id: s.id, name: s.name })),
    rows: students.map((s) => ({
      studentId: s.studentId,
      number: s.number,
      name: s.name,
      marks: byStudent.get(s.studentId) ?? {},
    })),
  };
}
