import { inArray } from 'drizzle-orm';
import { compareByName, fullName } from '../../shared/names';
import type { JournalGrid } from '../../shared/contract/journal';
import type { Db } from '../db/open';
import { students } from '../db/schema';
import { membersDuring } from './membership';

/**
 * The journal's list for a span of dates: numbered in alphabetical order, each with the dates they joined or
 * left inside the span, as the paper journal shows a student who arrived or left mid-period.
 */
export function journalStudents(
  db: Db,
  journal: { classId: number; subgroupId: number | null },
  start: string,
  end: string,
): JournalGrid['students'] {
  const memberships = membersDuring(db, journal, start, end);
  const ids = [...new Set(memberships.map((m) => m.studentId))];
  const people = ids.length ? db.select().from(students).where(inArray(students.id, ids)).all() : [];
  people.sort(compareByName);
  return people.map((p, i) => {
    const spans = memberships.filter((m) => m.studentId === p.id);
    const from = spans.map((m) => m.startDate).sort()[0] ?? start;
    const to = spans.some((m) => m.endDate === null)
      ? null
      : (spans
          .map((m) => m.endDate as string)
          .sort()
          .at(-1) ?? null);
    return {
      id: p.id,
      number: i + 1,
      fullName: fullName(p),
      activeFrom: from > start ? from : null,
      activeTo: to !== null && to < end ? to : null,
    };
  });
}
