import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { assignments, lessons } from '../db/schema';

// Named by the change event of every save.
const scopeOfLesson = preparedPerDb((db) =>
  db
    .select({ assignmentId: lessons.assignmentId, classId: assignments.classId, date: lessons.date })
    .from(lessons)
    .innerJoin(assignments, eq(assignments.id, lessons.assignmentId))
    .where(eq(lessons.id, sql.placeholder('lessonId')))
    .prepare(),
);

/** The journal and class of a lesson, read after its write committed: what a change event names. */
export function lessonScope(db: Db, lessonId: number) {
  const row = scopeOfLesson(db).get({ lessonId });
  if (!row) throw new Error(`Lesson ${lessonId} is gone after its write`);
  return row;
}

export function assignmentScope(db: Db, assignmentId: number) {
  const row = db
    .select({ assignmentId: assignments.id, classId: assignments.classId })
    .from(assignments)
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!row) throw new Error(`Assignment ${assignmentId} is gone after its write`);
  return row;
}
