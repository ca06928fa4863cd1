// Group commit (core/db/commit-groups.ts): the saves that arrive together are committed with one disk flush,
// each answered with its own outcome, as if it had run alone — a failed one undoes only its own writes, a refused
// one keeps the audit entry it wrote before refusing — and each in its own caller's context.
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommitGroups } from '../../src/core/db/commit-groups';
import type { Db } from '../../src/core/db/open';
import { writeTransaction } from '../../src/core/db/write';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';
import { lastAuditId } from '../helpers/audit';
import { tempDir } from '../helpers/temp';

describe('commit groups', () => {
  const client = new Database(path.join(tempDir(), 'groups.db'));
  client.pragma('journal_mode = WAL');
  client.exec('create table saved (v text not null)');
  const db = drizzle(client) as unknown as Db;
  afterAll(() => client.close());
  const insert = (v: string) => client.prepare('insert into saved (v) values (?)').run(v);
  const rows = () => client.prepare('select v from saved order by rowid').pluck().all();

  it('commits the calls that arrive together once, each with its own outcome', async () => {
    client.exec('delete from saved');
    const groups = createCommitGroups(db);
    const before = groups.commits;
    const answers = await Promise.allSettled([
      groups.run(() => writeTransaction(db, () => (insert('a'), 'a'))),
      groups.run(() =>
        writeTransaction(db, () => {
          insert('failed');
          throw new Error('refused inside its transaction');
        }),
      ),
      // A refusal as saveOnce makes it: its entry is written and committed, and only then is the call refused.
      groups.run(() => {
        writeTransaction(db, () => insert('refusal kept'));
        throw new Error('refused after its entry');
      }),
      groups.run(() => writeTransaction(db, () => (insert('b'), 'b'))),
    ]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      'a',
      'refused inside its transaction',
      'refused after its entry',
      'b',
    ]);
    expect(rows()).toEqual(['a', 'refusal kept', 'b']);
    expect(groups.commits - before).toBe(1);
    expect(client.inTransaction).toBe(false);
  });

  it('answers only once the group is committed, and a call arriving after it starts the next group', async () => {
    client.exec('delete from saved');
    const groups = createCommitGroups(db);
    const first = groups.run(() => writeTransaction(db, () => insert('first')));
    // Not yet run: the group waits for the turn of the event loop to end.
    expect(rows()).toEqual([]);
    await first;
    expect(rows()).toEqual(['first']);
    await groups.run(() => writeTransaction(db, () => insert('second')));
    expect(rows()).toEqual(['first', 'second']);
    expect(groups.commits).toBe(2);
  });

  it('runs each call in its caller’s async context', async () => {
    const groups = createCommitGroups(db);
    const caller = new AsyncLocalStorage<string>();
    const seen = await Promise.all(
      ['staffroom', 'lab', 'classroom'].map((name) => caller.run(name, () => groups.run(() => caller.getStore()))),
    );
    expect(seen).toEqual(['staffroom', 'lab', 'classroom']);
  });

  it('refuses a call that would finish after its transaction', async () => {
    const groups = createCommitGroups(db);
    await expect(groups.run(() => Promise.resolve(1))).rejects.toThrow(/inside its transaction/);
  });
});

describe('marks saved from several computers at once', () => {
  const {
    core,
    sql,
    callers: { teacher },
  } = schoolFixture({ school: 'demo', as: { teacher: 'uchitel' } });
  let lessonId = 0;
  let students: number[] = [];

  beforeAll(() => {
    lessonId = sql
      .prepare(
        `select l.id from lessons l join assignments a on a.id = l.assignment_id join users u on u.id = a.teacher_id
         where u.login = 'uchitel' and a.subgroup_id is null and l.status = 'held' and l.date < '2026-11-20'
         order by l.date desc limit 1`,
      )
      .pluck()
      .get() as number;
    students = sql
      .prepare(
        `select e.student_id from class_enrollments e join assignments a on a.class_id = e.class_id
         join lessons l on l.assignment_id = a.id where l.id = ? and e.end_date is null
         and e.student_id not in (select student_id from absences where lesson_id = l.id) limit 4`,
      )
      .pluck()
      .all(lessonId) as number[];
  });

  it('are each saved, and each audit entry names the computer its save came from', async () => {
    const since = lastAuditId(sql);
    const computers = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
    const answers = await Promise.all(
      students.map((studentId, i) =>
        core.dispatch(
          contract.journal.setMark.channel,
          { lessonId, studentId, value1: '4' },
          { ...teacher.call, computer: computers[i] },
        ),
      ),
    );
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true]);
    const entries = sql
      .prepare(
        `select entity_id as cell, new_value as v from audit_log where id > ? and action = 'mark.set'
         order by id`,
      )
      .all(since) as { cell: string; v: string }[];
    expect(entries.map((e) => [e.cell, (JSON.parse(e.v) as { computer?: string }).computer])).toEqual(
      students.map((studentId, i) => [`${lessonId}:${studentId}`, computers[i]]),
    );
    const saved = sql.prepare('select value1 from marks where lesson_id = ? and student_id = ?').pluck();
    expect(students.map((s) => saved.get(lessonId, s))).toEqual(['4', '4', '4', '4']);
  });
});
