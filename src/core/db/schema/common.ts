import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

/** Every date the school sees is a local `YYYY-MM-DD` string; timestamps are local `YYYY-MM-DD HH:mm:ss`. */
export const id = () => integer('id').primaryKey({ autoIncrement: true });
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(datetime('now', 'localtime'))`);
