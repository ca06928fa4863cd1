import { and, asc, eq, inArray, lt, not, sql } from 'drizzle-orm';
import type { PreflightIssue } from '../../../shared/contract/print';
import type { Db } from '../../db/open';
import { absences, lessons, marks } from '../../db/schema';
import { dayMonth } from '../../../shared/dates';
import { givenLesson, hasOwnEntries } from '../../journal/given';
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
 * What the secretary should have fixed before printing. Marks or absences on a lesson that was not given (not
 * held, or still ahead) would be on neither page of the book: the left and right pages would then disagree
 * with the database. A past lesson with no status and nothing entered is missing from the book: held and not
 * filled in, or not held and not marked so — a teacher has to say which.
 */
export function preflight(db: Db, book: ClassBook, today: string): PreflightIssue[] {
  const issues = book.journals.flatMap((j) => journalIssues(book, j, today));
  const ids = book.journals.map((j) => j.assignmentId);
  if (!ids.length) return issues;
  const journalOf = (id: number) => book.journals.find((x) => x.assignmentId === id);
  const base = (j: BookJournal) => ({
    assignmentId: j.assignmentId,
    subject: j.subgroupName ? `${j.subjectName} (${j.subgroupName})` : j.subjectName,
    teacher: j.teacherName,
  });

  const silent = db
    .select({ id: lessons.id, a: lessons.assignmentId, d: lessons.date })
    .from(lessons)
    .where(
      and(
        inArray(lessons.assignmentId, ids),
        eq(lessons.status, 'planned'),
        lt(lessons.date, today),
        not(hasOwnEntries()),
      ),
    )
    .orderBy(asc(lessons.date), asc(lessons.lessonNumber))
    .all();
  for (const j of book.journals) {
    const own = silent.filter((l) => l.a === j.assignmentId);
    const first = own[0];
    if (!first) continue;
    issues.push({
      ...base(j),
      kind: 'lesson_without_status',
      periodId: periodOf(book, first.d),
      lessonId: first.id,
      count: own.length,
      message: `Прошедшие уроки без записей, не отмеченные ни проведёнными, ни непроведёнными (в книгу не попадут): ${sample(own.map((l) => l.d))}`,
    });
  }

  const unheld = and(inArray(lessons.assignmentId, ids), not(givenLesson(today)));
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
    const j = journalOf(r.a);
    if (!j) continue;
    issues.push({
      ...base(j),
      kind: 'entries_on_unheld',
      periodId: periodOf(book, r.d),
      lessonId: null,
      count: r.n,
      message: `Отметки или пропуски на непроведённых или будущих уроках (${r.n}, с ${dayMonth(r.d)}): они не попадут ни на левую, ни на правую страницу`,
    });
  }
  return issues;
}

const draftParts: Record<PreflightIssue['kind'], (n: number) => string> = {
  lesson_without_status: (n) => `прошедших уроков без записей и без отметки о проведении — ${n}`,
  entries_on_unheld: (n) => `отметок и пропусков на непроведённых уроках — ${n}`,
  no_topic: (n) => `уроков без темы — ${n}`,
  control_without_marks: (n) => `контрольных работ без отметок — ${n}`,
  missing_period_mark: (n) => `не выставлено отметок за период — ${n}`,
  missing_year_mark: (n) => `не выставлено годовых отметок — ${n}`,
};

/** Why a book is a draft, for its certification page and the archive act: what is missing, counted. Null: complete. */
export function draftReason(issues: readonly PreflightIssue[]): string | null {
  if (issues.length === 0) return null;
  const totals = new Map<PreflightIssue['kind'], number>();
  for (const i of issues) totals.set(i.kind, (totals.get(i.kind) ?? 0) + i.count);
  const parts = (Object.keys(draftParts) as PreflightIssue['kind'][])
    .filter((k) => totals.has(k))
    .map((k) => draftParts[k](totals.get(k)!));
  return parts.join('; ');
}
