import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/open';
import { AppError } from '../../src/shared/errors';
import { migrationsFolder, tempDir } from '../helpers/temp';

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

describe('migrations', () => {
  it('have strictly increasing `when`, or drizzle would skip a migration on existing databases', () => {
    const whens = journal.entries.map((e) => e.when);
    for (let i = 1; i < whens.length; i++) expect(whens[i]!, journal.entries[i]!.tag).toBeGreaterThan(whens[i - 1]!);
    expect(journal.entries.map((e) => e.idx)).toEqual(journal.entries.map((_, i) => i));
  });

  it('migrate an empty database to the whole domain schema with foreign keys intact', () => {
    const db = openDatabase(path.join(tempDir(), 'empty.db'), { migrationsFolder, create: true });
    const tables = (
      db.$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    for (const t of [
      'school_years',
      'periods',
      'grade_period_schemes',
      'holidays',
      'classes',
      'students',
      'student_movements',
      'class_enrollments',
      'subjects',
      'curriculum',
      'users',
      'user_roles',
      'assignments',
      'subgroups',
      'subgroup_members',
      'timetable',
      'lessons',
      'work_kinds',
      'marks',
      'absences',
      'period_marks',
      'thematic_plans',
      'thematic_plan_topics',
      'period_locks',
      'audit_log',
      'settings',
      'sessions',
    ]) {
      expect(tables).toContain(t);
    }
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.$client.close();
  });

  it('keep the audit log append-only', () => {
    const db = openDatabase(path.join(tempDir(), 'audit.db'), { migrationsFolder, create: true });
    db.$client.prepare("insert into audit_log (at, action, entity) values ('2026-11-24 10:00:00', 'x', 'y')").run();
    expect(() => db.$client.prepare("update audit_log set action = 'z'").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/);
    db.$client.close();
  });

  it('reopen a migrated database without applying anything twice', () => {
    const file = path.join(tempDir(), 'twice.db');
    openDatabase(file, { migrationsFolder, create: true }).$client.close();
    const db = openDatabase(file, { migrationsFolder });
    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    db.$client.close();
  });

  it('refuse a database from a newer version and leave the file as it was', () => {
    const file = path.join(tempDir(), 'newer.db');
    openDatabase(file, { migrationsFolder, create: true }).$client.close();
    const raw = new Database(file);
    raw
      .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
      .run('future', Date.now() + 10 ** 12);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(/более новой версией/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a missing file unless asked to create it', () => {
    const file = path.join(tempDir(), 'absent.db');
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(AppError);
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(/не найден/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuse a file that is not a database and leave its bytes untouched', () => {
    const file = path.join(tempDir(), 'garbage.db');
    const bytes = Buffer.from('это не база данных, а письмо завучу '.repeat(200));
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(/не является базой данных/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
