import type { z } from 'zod';
import {
  reportTitles,
  type reportInputs,
  type ReportFileRequest,
  type ReportFormat,
  type ReportName,
} from '../../shared/contract/reports';
import type { Actor } from '../actor';
import { recordExport } from '../audit/exported';
import type { AuditService } from '../audit/service';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import type { SchoolService } from '../school/service';
import { reportPdf } from '../tables/pdf';
import type { Envelope, Memo } from './envelope';
import { buildReport } from './registry';
import { requireClass, scopeOf } from './scope';
import { classesOf, numbered, rosterDuring } from './roster';
import { reportWorkbook } from '../tables/xlsx';
import { currentYear, yearById } from '../school/years';

export type ReportsService = ReturnType<typeof createReportsService>;

const mime: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
};

/**
 * File names stay readable in Russian but carry no characters a file system refuses; a slash between years
 * («2026/2027») becomes a hyphen, so the year does not run together into «20262027».
 */
export const fileNameOf = (title: string, subtitle: string, format: ReportFormat) =>
  `${`${title} ${subtitle}`
    .replace(/\s*[\\/]\s*/g, '-')
    .replace(/[:*?"<>|«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)}.${format}`;

export function createReportsService({
  db,
  clock,
  audit,
  school,
  fontsDir,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  school: SchoolService;
  fontsDir: () => string;
}) {
  const today = () => localDate(clock.now());
  const store = new Map<string, unknown>();
  const memo: Memo = <T>(key: string, make: () => T): T => {
    if (!store.has(key)) {
      if (store.size > 50) store.clear();
      store.set(key, make());
    }
    return store.get(key) as T;
  };
  function run<N extends ReportName>(actor: Actor, name: N, input: z.output<(typeof reportInputs)[N]>) {
    return buildReport(db, actor, name, input, today(), memo);
  }
  async function render(report: Envelope<unknown>, format: ReportFormat): Promise<Uint8Array> {
    if (format === 'json') return Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
    const meta = { school: school.schoolName(), created: clock.now() };
    const title = `${report.title}. ${report.subtitle}`;
    return format === 'xlsx'
      ? reportWorkbook(title, report.tables, meta)
      : reportPdf(title, report.tables, { ...meta, fontsDir: fontsDir() });
  }
  return {
    run,
    /** The classes an actor may choose on the Reports screen. */
    classes(actor: Actor, yearId?: number) {
      const year = yearId ?? currentYear(db).id;
      const scope = scopeOf(db, actor, year);
      return classesOf(db, year)
        .filter((c) => scope.all || scope.classIds.has(c.id))
        .map((c) => ({ id: c.id, name: c.name, grade: c.grade, yearId: c.yearId }));
    },
    /** The students of a class the actor may report on (for the parents' statement). */
    students(actor: Actor, classId: number) {
      const cls = requireClass(db, actor, classId);
      const year = yearById(db, cls.yearId);
      return numbered(rosterDuring(db, [cls.id], year.startDate, year.endDate)).map((r) => ({
        id: r.studentId,
        name: r.name,
      }));
    },
    /** Any report as an XLSX workbook, a PDF or JSON: the same tables the screen shows. The export is audited. */
    async file(actor: Actor, { report: name, params, format }: ReportFileRequest) {
      const report = buildReport(db, actor, name, params, today(), memo);
      const bytes = await render(report, format);
      recordExport(audit, actor, name, { params, format });
      return {
        fileName: fileNameOf(reportTitles[name], report.subtitle, format),
        mimeType: mime[format],
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
