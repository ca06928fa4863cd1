// Which lessons took place, as the printed book and its preflight count them. A lesson marked «проведён» did; so
// did a past (or today's) lesson whose status was never set but which has a mark, an absence, a register taken,
// homework or a topic of its own — the teacher worked on it. A topic the КТП put there by itself proves nothing.
import { sql, type SQL } from 'drizzle-orm';
import { lessons } from '../db/schema';

/** A lesson that has entries of its own (marks, absences, register, homework, a topic not from the КТП). */
export const hasOwnEntries = (): SQL => sql`(
  exists (select 1 from marks m where m.lesson_id = ${lessons.id})
  or exists (select 1 from absences x where x.lesson_id = ${lessons.id})
  or ${lessons.attendanceTakenAt} is not null
  or trim(coalesce(${lessons.homework}, '')) <> ''
  or (trim(coalesce(${lessons.topic}, '')) <> '' and (${lessons.planTopicId} is null
      or ${lessons.topic} <> coalesce((select t.title from thematic_plan_topics t where t.id = ${lessons.planTopicId}), '')))
)`;

/** Held: marked so, or a past (or today's) lesson with no status and entries of its own. */
export const givenLesson = (today: string): SQL =>
  sql`(${lessons.status} = 'held' or (${lessons.status} = 'planned' and ${lessons.date} <= ${today} and ${hasOwnEntries()}))`;
