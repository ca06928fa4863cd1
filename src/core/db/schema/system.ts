import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_at').on(t.at)],
);

/** School-wide settings as JSON values, validated by the settings schema in shared/. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

