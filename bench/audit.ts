// The audit log viewer on a log of millions of entries: one filtered page (50 rows) through the dispatcher as
// the deputy reads it, for each kind of filter, and the XLSX export of a filtered view. The log is made from
// the large demo school's own marks and absences (one entry per mark and per absence, written as the audit
// service writes them, context included), repeated until it holds `target` entries.
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import type { CallContext } from '../src/core/api/dispatch';
import { fixedClock } from '../src/core/clock';
import {
  auditKeyFor,
  chainedColumns,
  macOf,
  readAuditKey,
  verifyChain,
  type ChainedValue,
} from '../src/core/audit/chain';
import type { BenchRow } from './backup';
import { summarize } from './stats';

const target = 2_000_000;

/**
 * The log's rows as the audit service would have written them, sealed onto one chain here in JS (an
 * `insert … select` cannot: its subquery for the previous mac is read once for all rows).
 */
function fillLog(sql: import('better-sqlite3').Database): number {
  const key = auditKeyFor(sql.name);
  const columns = chainedColumns.join(', ');
  const marks = sql.prepare(
    `select l.date || ' ' || printf('%02d:%02d:00', 8 + l.lesson_number, (m.student_id * 7 + ?) % 60), a.teacher_id, 'mark.set', 'cell',
            l.id || ':' || m.student_id, null, json_quote(m.value1), null, a.class_id, m.student_id, a.subject_id
     from marks m join lessons l on l.id = m.lesson_id join assignments a on a.id = l.assignment_id`,
  );
  const absences = sql.prepare(
    `select l.date || ' ' || printf('%02d:%02d:30', 8 + l.lesson_number, (x.student_id * 3 + ?) % 60), a.teacher_id, 'absence.set', 'cell',
            l.id || ':' || x.student_id, null, json_quote(x.code), null, a.class_id, x.student_id, a.subject_id
     from absences x join lessons l on l.id = x.lesson_id join assignments a on a.id = l.assignment_id`,
  );
  const logins = sql.prepare(
    `select l.date || ' 07:' || printf('%02d', a.teacher_id % 60) || ':00', a.teacher_id, 'auth.login', 'user', cast(a.teacher_id as text),
            null, '{"client":"desktop"}', null, null, null, null
     from lessons l join assignments a on a.id = l.assignment_id where l.lesson_number = 1 and ? >= 0`,
  );
  const insert = sql.prepare(
    `insert into audit_log (${columns}, mac) values (${chainedColumns.map(() => '?').join(', ')}, ?)`,
  );
  let previous =
    (sql.prepare('select mac from audit_log order by id desc limit 1').get() as { mac: string } | undefined)?.mac ??
    null;
  let count = (sql.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
  sql.transaction(() => {
    for (let round = 0; count < target; round++) {
      // Read whole before writing: better-sqlite3 does not write on a connection while it iterates on it.
      for (const source of [marks, absences, logins]) {
        for (const fields of source.raw().all(round) as ChainedValue[][]) {
          previous = macOf(key, previous, fields);
          insert.run(...fields, previous);
          count++;
        }
      }
    }
  })();
  return count;
}

/** What sealing costs a save: entries appended through the audit service, against the same insert unsealed. */
function chainCost(core: ReturnType<typeof createCore>): BenchRow {
  const sql = core.db.$client;
  const n = 5000;
  const plain = sql.prepare(
    `insert into audit_log (${chainedColumns.join(', ')}) values (${chainedColumns.map(() => '?').join(', ')})`,
  );
  // Both rolled back: the log keeps one chain for verify-audit below, and neither pays for a commit.
  const timed = (append: (i: number) => void) => {
    sql.exec('begin immediate');
    try {
      const started = performance.now();
      for (let i = 0; i < n; i++) append(i);
      return (performance.now() - started) / n;
    } finally {
      sql.exec('rollback');
    }
  };
  const unsealed = timed((i) =>
    plain.run(
      '2026-11-24 10:00:00',
      null,
      'bench.plain',
      'school',
      String(i),
      null,
      `{"n":${i}}`,
      null,
      null,
      null,
      null,
    ),
  );
  const sealed = timed((i) =>
    core.services.audit.record({
      userId: null,
      action: 'bench.sealed',
      entity: 'school',
      entityId: i,
      newValue: { n: i },
    }),
  );
  return {
    name: 'audit chain: cost per entry',
    value: sealed - unsealed,
    unit: 'ms',
    note: `target < 0.2 ms per saved mark; sealed ${sealed.toFixed(3)} ms vs unsealed ${unsealed.toFixed(3)} ms per entry over ${n} (sealed includes the service's context lookup)`,
  };
}

export async function auditBench(file: string, migrationsFolder: string, today: string): Promise<BenchRow[]> {
  const core = createCore({ dbFile: file, migrationsFolder, clock: fixedClock(`${today}T10:00:00`) });
  const sql = core.db.$client;
  const filling = performance.now();
  const entries = fillLog(sql);
  const fillSeconds = (performance.now() - filling) / 1000;
  const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
  await core.dispatch('auth:login', { login: 'zavuch', password: 'demo' }, call);
  const pick = sql
    .prepare(
      `select a.class_id as classId, a.subject_id as subjectId, a.teacher_id as userId, e.student_id as studentId from assignments a
       join school_years y on y.id = a.year_id and y.is_current = 1 join class_enrollments e on e.class_id = a.class_id
       join classes c on c.id = a.class_id where a.subgroup_id is null and c.grade = 7 order by a.id limit 1`,
    )
    .get() as { classId: number; subjectId: number; userId: number; studentId: number };
  const filters: [string, Record<string, unknown>][] = [
    ['no filter', {}],
    ['student', { studentId: pick.studentId }],
    ['class + marks', { classId: pick.classId, kind: 'marks' }],
    ['subject + a month', { subjectId: pick.subjectId, from: '2026-10-01', to: '2026-10-31' }],
    ['teacher + absences', { userId: pick.userId, kind: 'absences' }],
    ['logins (rare kind)', { kind: 'logins' }],
    ['a day, whole school', { from: '2026-11-23', to: '2026-11-23' }],
  ];
  const rows: BenchRow[] = [
    {
      name: 'audit log filled',
      value: fillSeconds,
      unit: 's',
      note: `${entries} entries (marks, absences, logins of the large tier)`,
    },
  ];
  for (const [label, filter] of filters) {
    const samples: number[] = [];
    let shown = 0;
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const result = await core.dispatch('audit:list', { filter, limit: 50 }, call);
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(result.error.message);
      shown = (result.value as { rows: unknown[] }).rows.length;
    }
    const s = summarize(samples);
    rows.push({
      name: `audit page: ${label}, median`,
      value: s.median,
      unit: 'ms',
      note: `${shown} rows of ${entries}; p95 ${s.p95.toFixed(1)} ms over 50`,
    });
  }
  // Paging on: the 40th page of the class's marks, following the cursors.
  let cursor: unknown = null;
  const deep: number[] = [];
  for (let page = 0; page < 40; page++) {
    const started = performance.now();
    const result = await core.dispatch('audit:list', { filter: { classId: pick.classId }, cursor, limit: 50 }, call);
    deep.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    cursor = (result.value as { next: unknown }).next;
  }
  rows.push({
    name: 'audit page: class, pages 1–40, max',
    value: Math.max(...deep),
    unit: 'ms',
    note: "each page from the previous one's cursor",
  });
  const exporting = performance.now();
  const exported = await core.dispatch('audit:export', { filter: { studentId: pick.studentId } }, call);
  if (!exported.ok) throw new Error(exported.error.message);
  const { rows: n } = exported.value as { rows: number };
  rows.push({
    name: 'audit export (one student) to XLSX',
    value: performance.now() - exporting,
    unit: 'ms',
    note: `${n} rows`,
  });
  rows.push(chainCost(core));
  // verify-audit reads the whole log once; the bench's own fill and chainCost's entries are all one chain.
  const verifying = performance.now();
  const verdict = verifyChain(sql, readAuditKey(file));
  rows.push({
    name: 'verify-audit: the whole log',
    value: (performance.now() - verifying) / 1000,
    unit: 's',
    note: `target < 10 s; ${verdict.entries} entries, ${verdict.brokenAt ? `BROKEN at ${verdict.brokenAt.id}` : 'whole'}, ${verdict.unsealed} unsealed`,
  });
  core.close();
  return rows;
}
