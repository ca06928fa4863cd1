import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/open';
import { classEnrollments, subgroupMembers } from '../db/schema';

export interface Membership {
  studentId: number;
  startDate: string;
  endDate: string | null;
}

/**
 * Who sat in the class, or in the subgroup when the journal is a subgroup's, at some point between two dates
 * (inclusive). History is kept, so a student who left still shows for the dates they were there.
 */
export function membersDuring(
  db: Db,
  journal: { classId: number; subgroupId: number | null },
  start: string,
  end: string,
  studentId?: number,
): Membership[] {
  const t = journal.subgroupId ? subgroupMembers : classEnrollments;
  const owner = journal.subgroupId
    ? eq(subgroupMembers.subgroupId, journal.subgroupId)
    : eq(classEnrollments.classId, journal.classId);
  return db
    .select({ studentId: t.studentId, startDate: t.startDate, endDate: t.endDate })
    .from(t)
    .where(
      and(
        owner,
        studentId === undefined ? undefined : eq(t.studentId, studentId),
        lte(t.startDate, end),
        or(isNull(t.endDate), gte(t.endDate, start)),
      ),
    )
    .all();
}
