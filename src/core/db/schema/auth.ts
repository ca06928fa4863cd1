import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './common';

export const users = sqliteTable('users', {
  id: id(),
  login: text('login').notNull().unique(),
  /** scrypt$N$r$p$salt$hash (base64); see core/auth/password.ts. */
  passwordHash: text('password_hash').notNull(),
  lastName: text('last_name').notNull(),
  firstName: text('first_name').notNull(),
  middleName: text('middle_name'),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** Wrong passwords in a row; the fifth locks the account until lockedUntil (core/auth/lockout.ts). */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'), // local timestamp, null when not locked
  createdAt: createdAt(),
});

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', {
      enum: ['admin', 'deputy', 'director', 'teacher', 'class_teacher', 'secretary'],
    }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Only a hash of the session token is stored, so a copied database file opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    client: text('client'), // «desktop», «http 192.168.1.12»
    /** Set when the session was locked (idle or the OS screen lock): only the same user's password reopens it. */
    lockedAt: text('locked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Wrong passwords per account AND per source («desktop» for the computer's own window, «http ADDRESS» for a
 * browser): a source that keeps guessing locks the account for itself only (core/auth/lockout.ts).
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    source: text('source').notNull(),
    failed: integer('failed').notNull().default(0),
    lockedUntil: text('locked_until'), // local timestamp, null when not locked
  },
  (t) => [primaryKey({ columns: [t.userId, t.source] })],
);
