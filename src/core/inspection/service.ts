// The deputy's control of the journals (seed orders: «замечания по ведению журнала», the monthly check): remarks
// with a date to fix them by, which the journal's teacher marks done and the deputy confirms or reopens; and the
// control report saved as a dated «Проверка журналов» with what it found and who checked.
import { eq } from 'drizzle-orm';
import type { CheckSummary, RemarkRow } from '../../shared/contract/inspection';
import type { ReportTable } from '../../shared/contract/report-table';
import { ruDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { assignments, classes, inspectionRemarks, journalChecks } from '../db/schema';
import { writeTransaction } from '../db/write';
import type { ReportsService } from '../reports/service';
import { requireOpenYear } from '../years/closed';
import { remarkRows, type RemarkFilter } from './remarks';

const short = (u: string) =>
  `${u}.last_name || ' ' || substr(${u}.first_name, 1, 1) || '.' || coalesce(' ' || substr(${u}.middle_name, 1, 1) || '.', '')`;

export function createInspectionService({
  db,
  clock,
  audit,
  reports,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  reports: ReportsService;
}) {
  const today = () => localDate(clock.now());
  const rows = (filter: RemarkFilter) => remarkRows(db, filter, today());
  const one = (id: number): RemarkRow => {
    const [row] = rows({ id });
    if (!row) throw new AppError('not_found', 'Такого замечания нет');
    return row;
  };
  const journal = (assignmentId: number) => {
    const a = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
    if (!a) throw new AppError('not_found', 'Такого журнала нет');
    return a;
  };
  /** Changes one remark's state in a transaction, audited on its journal with what it was and what it became. */
  const change = (
    actor: Actor,
    row: RemarkRow,
    action: string,
    values: Partial<typeof inspectionRemarks.$inferInsert>,
    audited: { old: unknown; new: unknown; reason?: string },
  ) => {
    requireOpenYear(db, journal(row.assignmentId).yearId);
    writeTransaction(db, () => {
      db.update(inspectionRemarks).set(values).where(eq(inspectionRemarks.id, row.id)).run();
      audit.record({
        userId: actor.userId,
        action,
        entity: 'assignment',
        entityId: row.assignmentId,
        oldValue: audited.old,
        newValue: audited.new,
        reason: audited.reason ?? null,
      });
    });
    return one(row.id);
  };

  function checks(): CheckSummary[] {
    return db.$client
      .prepare(
        `select k.id, k.date, k.from_date as "from", k.to_date as "to",
                case when c.id is null then null else c.grade || c.letter end as className,
                ${short('u')} as checkedBy, k.findings,
                (select count(*) from inspection_remarks r where r.check_id = k.id) as remarks
         from journal_checks k join users u on u.id = k.checked_by left join classes c on c.id = k.class_id
         order by k.date desc, k.id desc`,
      )
      .all() as CheckSummary[];
  }

  return {
    write(actor: Actor, input: { assignmentId: number; text: string; fixBy: string; checkId?: number }): RemarkRow {
      const a = journal(input.assignmentId);
      requireOpenYear(db, a.yearId);
      const date = today();
      if (input.fixBy < date)
        throw new AppError(
          'validation',
          `Срок исправления ${ruDate(input.fixBy)} уже прошёл: укажите дату не раньше сегодняшней`,
          {
            issues: [{ path: 'fixBy', message: 'Срок уже прошёл' }],
          },
        );
      if (
        input.checkId !== undefined &&
        !db.select().from(journalChecks).where(eq(journalChecks.id, input.checkId)).get()
      )
        throw new AppError('not_found', 'Такой проверки нет');
      const id = writeTransaction(db, () => {
        const created = db
          .insert(inspectionRemarks)
          .values({
            classId: a.classId,
            assignmentId: a.id,
            date,
            authorId: actor.userId,
            text: input.text,
            fixBy: input.fixBy,
            checkId: input.checkId ?? null,
            createdAt: localTimestamp(clock.now()),
          })
          .returning({ id: inspectionRemarks.id })
          .get().id;
        audit.record({
          userId: actor.userId,
          action: 'remark.write',
          entity: 'assignment',
          entityId: a.id,
          newValue: { text: input.text, fixBy: input.fixBy },
        });
        return created;
      });
      return one(id);
    },

    list: (filter: { assignmentId?: number; checkId?: number; status?: RemarkFilter['status'] }) => rows(filter),

    mine: (actor: Actor) => rows({ teacherId: actor.userId }),

    /** The journal's own teacher says it is fixed (a substitute gives lessons, not the journal's upkeep). */
    done(actor: Actor, input: { id: number; response?: string }) {
      const row = one(input.id);
      if (journal(row.assignmentId).teacherId !== actor.userId)
        throw new AppError(
          'forbidden',
          `Замечание по журналу ${row.className} ${row.subjectName} отмечает его учитель`,
        );
      if (row.status !== 'open') throw new AppError('conflict', 'Замечание уже отмечено исправленным');
      return change(
        actor,
        row,
        'remark.done',
        { doneAt: localTimestamp(clock.now()), doneBy: actor.userId, response: input.response || null },
        { old: { text: row.text }, new: { response: input.response || null } },
      );
    },

    confirm(actor: Actor, id: number) {
      const row = one(id);
      if (row.status !== 'done')
        throw new AppError(
          'validation',
          row.status === 'open' ? 'Учитель ещё не отметил замечание исправленным' : 'Исправление уже подтверждено',
        );
      return change(
        actor,
        row,
        'remark.confirm',
        { resolvedAt: localTimestamp(clock.now()), resolvedBy: actor.userId },
        { old: { text: row.text, response: row.response }, new: null },
      );
    },

    /** Not fixed after all: open again, with what is still wrong for the teacher to read. */
    reopen(actor: Actor, input: { id: number; reason: string }) {
      const row = one(input.id);
      if (row.status === 'open') throw new AppError('validation', 'Замечание и так не исправлено');
      return change(
        actor,
        row,
        'remark.reopen',
        { doneAt: null, doneBy: null, resolvedAt: null, resolvedBy: null, response: `Не исправлено: ${input.reason}` },
        { old: { text: row.text, response: row.response }, new: null, reason: input.reason },
      );
    },

    saveCheck(actor: Actor, input: { from: string; to: string; classId?: number }): CheckSummary {
      const report = reports.run(actor, 'control', input);
      const findings = report.data.problems.length + report.data.problemsCut;
      const cls = input.classId ? db.select().from(classes).where(eq(classes.id, input.classId)).get() : undefined;
      const id = writeTransaction(db, () => {
        const created = db
          .insert(journalChecks)
          .values({
            date: today(),
            from: input.from,
            to: input.to,
            classId: input.classId ?? null,
            checkedBy: actor.userId,
            createdAt: localTimestamp(clock.now()),
            title: report.title,
            subtitle: report.subtitle,
            tables: JSON.stringify(report.tables),
            findings,
          })
          .returning({ id: journalChecks.id })
          .get().id;
        audit.record({
          userId: actor.userId,
          action: 'check.save',
          entity: 'journal_check',
          entityId: created,
          newValue: { from: input.from, to: input.to, ...(cls ? { classId: cls.id } : {}), findings },
        });
        return created;
      });
      return checks().find((c) => c.id === id)!;
    },

    checks,

    check(id: number) {
      const summary = checks().find((c) => c.id === id);
      const row = db.select().from(journalChecks).where(eq(journalChecks.id, id)).get();
      if (!summary || !row) throw new AppError('not_found', 'Такой проверки нет');
      return { ...summary, title: row.title, subtitle: row.subtitle, tables: JSON.parse(row.tables) as ReportTable[] };
    },
  };
}
export type InspectionService = ReturnType<typeof createInspectionService>;
