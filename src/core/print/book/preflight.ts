import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PreflightIssue } from '../../../shared/contract/print';
import type { Db } from '../../db/open';
import { absences, lessons, marks } from '../../db/schema';
import { dayMonth } from '../../../shared/dates';
import type { BookJournal, ClassBook } from './model';
import { cellKey } from './model';

export type { PreflightIssue };

const sample = (dates: string[]) =>
  dates.slice(0, 5).map(dayMonth).join(', ') + (dates.length > 5 ? ` и ещё ${dates.length - 5}` : '');

function periodOf(book: ClassBook, date: string): number | null {
  return book.periods.find((p) => p.startDate <= date && date <= p.endDate)?.id ?? null;
}

function journalIssues(book: ClassBook, j: BookJournal, today: string): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const base = {
    assignmentId: j.assignmentId,
    subject: j.subgroupName ? `${j.subjectName} (${j.subgroupName})` : j.subjectName,
    teacher: j.teacherName,
  };
  const noTopic = j.lessons.filter((l) => !l.topic?.trim());
  const first = noTopic[0];
  if (first) {
    issues.push({
      ...base,
      kind: 'no_topic',
      periodId: periodOf(book, first.date),
      lessonId: first.id,
      count: noTopic.length,
      message: `Уроки без темы: ${sample(noTopic.map((l) => l.date))}`,
    });
  }
  // The 1st grade learns without marks (docs/DOMAIN.md, rule 1): nothing about marks is missing there.
  if (book.grade === 1) return issues;
  const controls = j.lessons.filter(
    (l) => l.isControl && !j.students.some((s) => /\d/.test(j.cells.get(cellKey(l.id, s.id)) ?? '')),
  );
  for (const l of controls) {
    issues.push({
      ...base,
      kind: 'control_without_marks',
      periodId: periodOf(book, l.date),
      lessonId: l.id,
      count: 1,
      message: `Контрольная работа ${dayMonth(l.date)} без отметок`,
    });
  }
  const finals = book.finalMarks.get(j.subjectId);
  for (const p of book.periods.filter((x) => x.endDate < today)) {
    const active = j.students.filter((s) => (s.arrived ?? '') <= p.endDate && (s.left ?? '9999') >= p.endDate);
    const missing = active.filter((s) => !finals?.get(s.id)?.has(`p${p.id}`));
    if (missing.length && j.lessons.some((l) => l.date >= p.startDate && l.date <= p.endDate)) {
      issues.push({
        ...base,
        kind: 'missing_period_mark',
        periodId: p.id,
        lessonId: null,
        count: missing.length,
        message: `Нет отметок за ${p.name}: ${missing
          .slice(0, 3)
          .map((s) => s.listName)
          .join(', ')}${missing.length > 3 ? ` и ещё ${missing.length - 3}` : ''}`,
      });
    }
  }
  if (book.yearEnd < today && j.lessons.length) {
    const missing = j.students.filter((s) => s.left === null && !finals?.get(s.id)?.has('year'));
    if (missing.length)
      issues.push({
        ...base,
        kind: 'missing_year_mark',
        periodId: null,
        lessonId: null,
        count: missing.length,
        message: `Нет годовых отметок у ${missing.length} обучающихся`,
      });
  }
  return issues;
}

/**
 * What the secretary should have fixed before printing. Marks or absences on a lesson that was not held
 * would be on neither page of the book: the left and right pages would then disagree with the database.
 */
export function preflight(db: Db, book: ClassBook, today: string): PreflightIssue[] {
  const issues = book.journals.flatMap((j) => journalIssues(book, j, today));
  const ids = book.journals.map((j) => j.assignmentId);
  if (!ids.length) return issues;
  const unheld = and(inArray(lessons.assignmentId, ids), ne(lessons.status, 'held'));
  const count = sql<number>`count(*)`;
  const rows = [
    ...db
      .select({ a: lessons.assignmentId, d: sql<string>`min(${lessons.date})`, n: count })
      .from(marks)
      .innerJoin(lessons, eq(lessons.id, marks.lessonId))
      .where(unheld)
      .groupBy(lessons.assignmentId)
      .all(),
    ...db
      .select({ a: lessons.assignmentId, d: sql<string>`min(${lessons.date})`, n: count })
      .from(absences)
      .innerJoin(lessons, eq(lessons.id, absences.lessonId))
      .where(unheld)
      .groupBy(lessons.assignmentId)
      .all(),
  ];
  for (const r of rows) {
    const j = book.journals.find((x) => x.assignmentId === r.a);
    if (!j) continue;
    issues.push({
      kind: 'entries_on_unheld',
      assignmentId: j.assignmentId,
      periodId: periodOf(book, r.d),
      lessonId: null,
      subject: j.subgroupName ? `${j.subjectName} (${j.subgroupName})` : j.subjectName,
      teacher: j.teacherName,
      count: r.n,
      message: `Отметки или пропуски на непроведённых уроках (${r.n}, с ${dayMonth(r.d)}): они не попадут ни на левую, ни на правую страницу`,
    });
  }
  return issues;
}
