import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id } from './common';
import { users } from './auth';

/**
 * The append-only change log: who, when, old value, new value, reason.
 * Triggers in migrations/ refuse UPDATE and DELETE on it.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(), // 'mark.set', 'absence.clear', 'period.lock', 'auth.login' …
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    oldValue: text('old_value'), // JSON
    newValue: text('new_value'), // JSON
    reason: text('reason'),
    /**
     * Who the entry is about, filled by the audit service from the entity (core/audit/context.ts), so that the
     * log viewer filters millions of rows by class, student or subject through an index instead of parsing
     * entity ids. No foreign keys: the log outlives what it names. Null on entries written before 0004.
     */
    classId: integer('class_id'),
    studentId: integer('student_id'),
    subjectId: integer('subject_id'),
    /**
     * HMAC-SHA-256 over the previous entry's mac and this entry (core/audit/chain.ts), keyed by a secret kept
     * beside the database, not in it: an entry changed, removed or added by editing the file breaks the chain.
     * Null on entries written before the chain began.
     */
    mac: text('mac'),
  },
  (t) => [
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_at').on(t.at),
    // The viewer's filters, each ending in `at` so that a filtered page is read in order without a sort.
    index('audit_log_user_at').on(t.userId, t.at),
    index('audit_log_action_at').on(t.action, t.at),
    index('audit_log_class_at').on(t.classId, t.at),
    index('audit_log_student_at').on(t.studentId, t.at),
    index('audit_log_subject_at').on(t.subjectId, t.at),
  ],
);

/** School-wide settings as JSON values, validated by the settings schema in shared/. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The saves a client sent with its own id (a queue kept through an outage replays them): a replay of an id
 * already applied is answered from here, so nothing is written twice when an answer was lost on the way.
 */
export const appliedSaves = sqliteTable(
  'applied_saves',
  {
    saveId: text('save_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel').notNull(),
    at: text('at').notNull(),
    /** The JSON outcome the first application answered: the value, or the conflict it was refused with. */
    outcome: text('outcome').notNull(),
  },
  // An id is its saver's: another account's save under the same id is a save of its own.
  (t) => [primaryKey({ columns: [t.saveId, t.userId] })],
);
