import { and, asc, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { lessons } from '../../db/schema';
import { lockOn } from '../locks';
import type { PlanAssignment } from './access';
import { topicsOf } from './store';

/**
 * Puts the plan's topics, in order and each for its hours, on the assignment's lessons from a date on that have no
 * topic yet. Hours already covered by linked lessons are not planned again, so running it twice changes nothing;
 * a lesson with a topic typed by the teacher keeps it, and lessons in a closed period are left alone.
 */
export function assignTopics(db: Db, assignment: PlanAssignment, fromDate: string, now: string): number {
  const topics = topicsOf(db, assignment.id);
  const linked = new Map(
    db
      .select({ topicId: lessons.planTopicId, n: sql<number>`count(*)` })
      .from(lessons)
      .where(
        and(eq(lessons.assignmentId, assignment.id), isNotNull(lessons.planTopicId), ne(lessons.status, 'not_held')),
      )
      .groupBy(lessons.planTopicId)
      .all()
      .map((r) => [r.topicId, r.n]),
  );
  const slots = topics.flatMap((t) => Array.from({ length: Math.max(0, t.hours - (linked.get(t.id) ?? 0)) }, () => t));
  if (slots.length === 0) return 0;
  const open = db
    .select({ id: lessons.id, date: lessons.date })
    .from(lessons)
    .where(
      and(
        eq(lessons.assignmentId, assignment.id),
        gte(lessons.date, fromDate),
        ne(lessons.status, 'not_held'),
        isNull(lessons.topic),
        isNull(lessons.planTopicId),
      ),
    )
    .orderBy(asc(lessons.date), asc(lessons.lessonNumber))
    .all();
  const locked = new Map<string, boolean>();
  const isLocked = (date: string) => {
    let v = locked.get(date);
    if (v === undefined)
      locked.set(
        date,
        (v = !!lockOn(db, { yearId: assignment.yearId, classId: assignment.classId, grade: assignment.grade, date })),
      );
    return v;
  };
  let done = 0;
  for (const lesson of open) {
    const topic = slots[done];
    if (!topic) break;
    if (isLocked(lesson.date)) continue;
    db.update(lessons)
      .set({ planTopicId: topic.id, topic: topic.title, topicEnteredAt: now })
      .where(eq(lessons.id, lesson.id))
      .run();
    done++;
  }
  return done;
}
