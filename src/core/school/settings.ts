import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open';
import { settings } from '../db/schema';
import { preparedPerDb } from '../db/prepared';

/** The school's rules that the journal enforces, with the defaults docs/DOMAIN.md describes. */
export const settingSchemas = {
  'marks.scale': z.enum(['1-5', '2-5']).default('1-5'),
  'marks.useWeights': z.boolean().default(true),
  'marks.rounding': z.enum(['half_up', 'threshold_0.6']).default('half_up'),
  'marks.allowExempt': z.boolean().default(true), // «осв»
  'marks.allowPassFail': z.boolean().default(true), // «зач» / «незач» as period marks
  'journal.controlMarksDays': z.number().int().min(1).max(30).default(7),
  'journal.minMarksPerPeriod': z.number().int().min(0).max(50).default(3),
  /** Topic and homework are due on the lesson's day by this time (the school orders: 17:00 first shift, 21:00 second). */
  'journal.entryDeadline': z
    .object({ shift1: z.string().regex(/^\d\d:\d\d$/), shift2: z.string().regex(/^\d\d:\d\d$/) })
    .default({ shift1: '17:00', shift2: '21:00' }),
  /** «Школьная сеть»: the host shell answers other computers of the school, not only this one. */
  'host.schoolNetwork': z.boolean().default(false),
  /** Staffroom computers are shared: a session left alone this long locks (the school's orders say 10 minutes). */
  'session.idleLockMinutes': z.number().int().min(1).max(240).default(10),
  /** Wrong passwords in a row from one source that lock the account for it, and for how long (core/auth/lockout.ts). */
  'auth.lockoutThreshold': z.number().int().min(3).max(20).default(5),
  'auth.lockoutMinutes': z.number().int().min(1).max(1440).default(15),
  /**
   * Which subjects each teacher teaches (user id → subject ids), as a teachers' list brought them: the «Нагрузка»
   * page proposes these teachers first. A hint for the admin, never a permission.
   */
  'structure.teacherSubjects': z
    .record(z.string().regex(/^\d+$/), z.array(z.number().int().positive()).max(100))
    .default({}),
} as const;
export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;

// Read on every call (the idle lock's limit).
const settingByKey = preparedPerDb((db) =>
  db
    .select()
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare(),
);

/** What a setting holds as stored (JSON), whatever its key; undefined when it was never set. */
export const storedSetting = (db: Db, key: string): string | undefined => settingByKey(db).get({ key })?.value;

/** A setting's value, or its default when it was never set or holds something the schema refuses. */
export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const stored = storedSetting(db, key);
  const schema = settingSchemas[key];
  let raw: unknown;
  try {
    raw = stored === undefined ? undefined : JSON.parse(stored);
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  return (parsed.success ? parsed.data : schema.parse(undefined)) as SettingValue<K>;
}

/** Writes a setting after checking it against its schema (the caller validated the shape already). */
export function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): void {
  const json = JSON.stringify(settingSchemas[key].parse(value));
  db.insert(settings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: settings.key, set: { value: json } })
    .run();
}
