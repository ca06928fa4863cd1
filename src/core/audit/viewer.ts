import { ruDateTime } from '../../shared/dates';
import { asc, eq } from 'drizzle-orm';
import { auditActionLabel, auditReasonLabel } from '../../shared/audit';
import { auditValues } from '../../shared/audit-values';
import type { ReportTable } from '../../shared/contract/report-table';
import { AppError } from '../../shared/errors';
import { className, compareByName, fullName } from '../../shared/names';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { classEnrollments, classes, students, subjects, users, workKinds } from '../db/schema';
import type { AuditNames } from '../../shared/audit-words';
import { reportWorkbook } from '../tables/xlsx';
import type { SchoolService } from '../school/service';
import { findCurrentYear } from '../school/years';
import type { Actor } from '../actor';
import { recordExport } from './exported';
import { auditPage, type AuditCursor, type AuditFilter, type AuditRow } from './query';
import type { AuditService } from './service';

/** An export holds at most this many entries: a workbook of millions of rows opens nowhere. */
export const exportLimit = 50_000;

const columns: ReportTable['columns'] = [
  { key: 'at', header: 'Когда', width: 19, kind: 'text' },
  { key: 'user', header: 'Кто', width: 22, kind: 'text' },
  { key: 'action', header: 'Действие', width: 30, kind: 'text' },
  { key: 'class', header: 'Класс', width: 7, kind: 'text' },
  { key: 'student', header: 'Ученик', width: 22, kind: 'text' },
  { key: 'subject', header: 'Предмет', width: 20, kind: 'text' },
  { key: 'old', header: 'Было', width: 24, kind: 'text' },
  { key: 'new', header: 'Стало', width: 24, kind: 'text' },
  { key: 'reason', header: 'Причина', width: 24, kind: 'text' },
  { key: 'entity', header: 'Объект', width: 16, kind: 'text' },
];

/** The names the export's values refer to by id, read once for the whole workbook. */
function auditNames(db: Db): AuditNames {
  const kinds = new Map(
    db
      .select({ id: workKinds.id, name: workKinds.name })
      .from(workKinds)
      .all()
      .map((k) => [k.id, k.name]),
  );
  const people = new Map(
    db
      .select()
      .from(users)
      .all()
      .map((u) => [u.id, fullName(u)]),
  );
  return { workKind: (id) => kinds.get(id), user: (id) => people.get(id) };
}

/** The audit rows as the table the XLSX export (and anything else drawing report tables) takes. */
export function auditTable(rows: readonly AuditRow[], subtitle: string | null, names: AuditNames = {}): ReportTable {
  return {
    title: 'Журнал действий',
    subtitle,
    columns,
    rows: rows.map((r) => {
      const { before, after } = auditValues(r, names);
      const entity = r.entityId === null ? r.entity : `${r.entity} ${r.entityId}`;
      return [
        ruDateTime(r.at),
        r.user ?? 'система',
        auditActionLabel(r.action),
        r.className,
        r.student,
        r.subject,
        before,
        after,
        auditReasonLabel(r.reason),
        entity,
      ];
    }),
    total: null,
    links: null,
  };
}

export type AuditViewer = ReturnType<typeof createAuditViewer>;

/** Reading the audit log: pages for the screen, options for its filters, and the filtered view as XLSX. */
export function createAuditViewer({
  db,
  clock,
  school,
  audit,
}: {
  db: Db;
  clock: Clock;
  school: SchoolService;
  audit: AuditService;
}) {
  return {
    page: (filter: AuditFilter, cursor: AuditCursor | null, limit: number) => auditPage(db, filter, cursor, limit),

    options(classId?: number) {
      const year = findCurrentYear(db) ?? school.years()[0];
      const classList = year
        ? db
            .select()
            .from(classes)
            .where(eq(classes.yearId, year.id))
            .orderBy(asc(classes.grade), asc(classes.letter))
            .all()
        : [];
      const studentList = classId
        ? db
            .selectDistinct({
              id: students.id,
              lastName: students.lastName,
              firstName: students.firstName,
              middleName: students.middleName,
            })
            .from(classEnrollments)
            .innerJoin(students, eq(students.id, classEnrollments.studentId))
            .where(eq(classEnrollments.classId, classId))
            .all()
            .sort(compareByName)
        : [];
      return {
        users: db
          .select()
          .from(users)
          .all()
          .sort(compareByName)
          .map((u) => ({ id: u.id, name: `${fullName(u)} (${u.login})` })),
        classes: classList.map((c) => ({ id: c.id, name: className(c) })),
        subjects: db
          .select()
          .from(subjects)
          .orderBy(asc(subjects.sortOrder), asc(subjects.name))
          .all()
          .map((s) => ({ id: s.id, name: s.name })),
        students: studentList.map((s) => ({ id: s.id, name: fullName(s) })),
        workKinds: db.select({ id: workKinds.id, name: workKinds.name }).from(workKinds).all(),
      };
    },

    /** The filtered view, newest first, read page by page so memory holds one page of the query at a time. */
    async exportXlsx(
      actor: Actor,
      filter: AuditFilter,
    ): Promise<{ fileName: string; mimeType: string; base64: string; rows: number; truncated: boolean }> {
      const rows: AuditRow[] = [];
      let cursor: AuditCursor | null = null;
      do {
        const page = auditPage(db, filter, cursor, Math.min(5000, exportLimit + 1 - rows.length));
        rows.push(...page.rows);
        cursor = page.next;
      } while (cursor && rows.length <= exportLimit);
      const truncated = rows.length > exportLimit;
      if (truncated) rows.length = exportLimit;
      if (rows.length === 0) throw new AppError('not_found', 'По этому фильтру в журнале действий ничего нет');
      const period = [filter.from && `с ${filter.from}`, filter.to && `по ${filter.to}`].filter(Boolean).join(' ');
      const subtitle =
        [period || null, truncated ? `первые ${exportLimit} записей — сузьте фильтр, чтобы выгрузить остальные` : null]
          .filter(Boolean)
          .join('; ') || null;
      const now = clock.now();
      const data = await reportWorkbook('Журнал действий', [auditTable(rows, subtitle, auditNames(db))], {
        school: school.schoolName(),
        created: now,
      });
      // The log leaves the app like a report does: who took it, with which filter, how many entries; filed under
      // the class, student and subject it was narrowed to, whose columns then name them.
      const { classId, studentId, subjectId } = filter;
      recordExport(audit, actor, 'audit', { filter, rows: rows.length, truncated }, { classId, studentId, subjectId });
      return {
        fileName: `журнал-действий-${localDate(now)}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: data.toString('base64'),
        rows: rows.length,
        truncated,
      };
    },
  };
}
