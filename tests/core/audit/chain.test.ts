// The audit log's chain: sealed by a key beside the database, so that an entry changed, removed or added by
// editing the file (triggers dropped first) is found, and by which entry.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditKeyFile, macOf, readAuditKey, verifyChain } from '../../../src/core/audit/chain';
import { openConnection } from '../../../src/core/db/open';
import { contract } from '../../../src/shared/contract';
import { schoolFixture } from '../../helpers/school';

describe('the audit log’s chain', () => {
  const { core, sql, tiny, logIn } = schoolFixture({
    school: 'tiny',
    now: '2025-10-20T10:00:00',
    accounts: { admin: 'admin' },
    as: {},
  });
  const dbFile = sql.name;

  /** A copy of the school's file, as a pupil would take it away and edit it. */
  const copy = () => {
    const to = path.join(path.dirname(dbFile), `copy-${Math.random().toString(36).slice(2)}.db`);
    sql.exec('pragma wal_checkpoint(truncate)');
    fs.copyFileSync(dbFile, to);
    return new Database(to);
  };
  const lastIds = (client: Database.Database, n: number) =>
    (client.prepare('select id from audit_log order by id desc limit ?').all(n) as { id: number }[]).map((r) => r.id);

  it('seals every entry, keyed by a file beside the database that only the app’s account can read', async () => {
    const math = await logIn('math');
    const lesson = sql
      .prepare('select id from lessons where assignment_id = ? order by date limit 1')
      .get(tiny.assignments.mat5) as { id: number };
    await math.value(contract.journal.setMark, { lessonId: lesson.id, studentId: tiny.students.C, value1: '4' });
    const key = readAuditKey(dbFile);
    expect(key).not.toBeNull();
    expect(fs.statSync(auditKeyFile(dbFile)).mode & 0o777).toBe(0o600);
    expect(sql.prepare('select count(*) as n from audit_log where mac is null').get()).toEqual({ n: 0 });
    // The key is not in the database.
    const hex = key!.toString('hex');
    sql.exec('pragma wal_checkpoint(truncate)');
    expect(fs.readFileSync(dbFile).includes(Buffer.from(hex))).toBe(false);
    const report = verifyChain(sql, key);
    expect(report).toMatchObject({ brokenAt: null, unsealed: 0, keyMissing: false });
    expect(report.entries).toBeGreaterThanOrEqual(2);
  });

  it('links entries written by another connection (a worker thread’s) into the same chain', () => {
    const other = openConnection(dbFile);
    try {
      core.services.audit.record({ userId: null, action: 'school.test', entity: 'school', newValue: { n: 1 } });
      other.$client
        .prepare(
          `insert into audit_log (at, user_id, action, entity, entity_id, old_value, new_value, reason, class_id, student_id, subject_id, mac)
           values ('2025-10-20 10:00:01', null, 'x', 'school', null, null, null, null, null, null, null,
                   zhurnal_audit_mac((select mac from audit_log order by id desc limit 1),
                     '2025-10-20 10:00:01', null, 'x', 'school', null, null, null, null, null, null, null))`,
        )
        .run();
      core.services.audit.record({ userId: null, action: 'school.test', entity: 'school', newValue: { n: 2 } });
      expect(verifyChain(sql, readAuditKey(dbFile)).brokenAt).toBeNull();
    } finally {
      other.$client.close();
    }
  });

  it('finds an entry rewritten, removed or forged in a copy whose triggers were dropped', () => {
    const key = readAuditKey(dbFile)!;
    const edits: [string, (c: Database.Database) => number][] = [
      [
        'rewritten',
        (c) => {
          const [, id] = lastIds(c, 2);
          c.prepare(`update audit_log set new_value = '{"value1":"5"}' where id = ?`).run(id);
          return id!;
        },
      ],
      [
        'removed',
        (c) => {
          const [last, removed] = lastIds(c, 2);
          c.prepare('delete from audit_log where id = ?').run(removed);
          return last!;
        },
      ],
      [
        'forged with a mac of its own',
        (c) => {
          const [, id] = lastIds(c, 2);
          const row = c.prepare('select * from audit_log where id = ?').get(id) as Record<string, unknown>;
          // Without the school's key, the forger seals with a key of their own.
          const forged = macOf(Buffer.alloc(32, 7), null, [
            row.at as string,
            null,
            'x',
            'school',
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ]);
          c.prepare(`update audit_log set action = 'x', mac = ? where id = ?`).run(forged, id);
          return id!;
        },
      ],
    ];
    for (const [, edit] of edits) {
      const client = copy();
      try {
        client.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
        const expectedAt = edit(client);
        expect(verifyChain(client, key).brokenAt?.id).toBe(expectedAt);
      } finally {
        client.close();
      }
    }
    // The school's own file stays whole.
    expect(verifyChain(sql, key).brokenAt).toBeNull();
  });

  it('says the chain cannot be checked without the key, instead of calling it whole', () => {
    const client = copy();
    try {
      expect(verifyChain(client, null)).toMatchObject({ keyMissing: true, brokenAt: null });
    } finally {
      client.close();
    }
  });
});

describe('the chain on the admin’s and the deputy’s screen', () => {
  const { callers } = schoolFixture({ school: 'tiny', now: '2025-10-20T10:00:00', as: { deputy: 'zavuch' } });

  it('reports the log whole, with how many entries were checked', async () => {
    const verdict = await callers.deputy.value(contract.audit.verifyChain, {});
    expect(verdict).toMatchObject({ whole: true, brokenAt: null, keyMissing: false });
    expect(verdict.summary).toMatch(/Журнал действий цел: проверено записей — \d+/);
  });
});
