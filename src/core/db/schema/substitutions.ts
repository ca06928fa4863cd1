import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './common';
import { users } from './auth';
import { lessons } from './journal';

/**
 * A substitution the administration recorded: one row per lesson, so a range of dates is the lessons it
 * covered when recorded. The lesson's givenById is the substitute while the row stands; a lesson given by
 * someone else with no row here is what the control report calls an unrecorded substitution.
 */
export const substitutions = sqliteTable(
  'substitutions',
  {
    id: id(),
    lessonId: integer('lesson_id')
      .notNull()
      .unique()
      .references(() => lessons.id),
    absentTeacherId: integer('absent_teacher_id')
      .notNull()
      .references(() => users.id),
    substituteId: integer('substitute_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('substitutions_substitute').on(t.substituteId)],
);
