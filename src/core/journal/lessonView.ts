import { eq } from 'drizzle-orm';
import { shortName } from '../../shared/names';
import type { JournalGrid } from '../../shared/contract/journal';
import type { Db } from '../db/open';
import { assignments, lessons, users } from '../db/schema';

type GridLesson = JournalGrid['lessons'][number];
type LessonRow = typeof lessons.$inferSelect;

/** A lesson as the journal shows it: who gave it, and whether that was a substitution. */
export function toGridLesson(
  lesson: LessonRow,
  giver: { lastName: string; firstName: string; middleName: string | null },
  assignmentTeacherId: number,
): GridLesson {
  return {
    id: lesson.id,
    date: lesson.date,
    lessonNumber: lesson.lessonNumber,
    topic: lesson.topic,
    homework: lesson.homework,
    workKindId: lesson.workKindId,
    givenById: lesson.givenById,
    givenByName: shortName(giver),
    isSubstitution: lesson.givenById !== assignmentTeacherId,
    status: lesson.status,
    attendanceTaken: lesson.attendanceTakenAt !== null,
    planTopicId: lesson.planTopicId,
  };
}

/** One lesson, read back after a change. */
export function readGridLesson(db: Db, lessonId: number): GridLesson {
  const row = db
    .select({ lesson: lessons, giver: users, teacherId: assignments.teacherId })
    .from(lessons)
    .innerJoin(users, eq(users.id, lessons.givenById))
    .innerJoin(assignments, eq(assignments.id, lessons.assignmentId))
    .where(eq(lessons.id, lessonId))
    .get();
  if (!row) throw new Error(`lesson ${lessonId} vanished`);
  return toGridLesson(row.lesson, row.giver, row.teacherId);
}
