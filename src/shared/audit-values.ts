import { auditKinds, type AuditKind } from './audit';
import { storedWords, type AuditNames } from './audit-words';
import { findChannel, reportTitles, type ReportName } from './contract';
import type { Access } from './roles';

/**
 * What a refused call was trying to do, by the permission its channel declares in the contract. The contract
 * has no Russian title per channel, and a second list of 125 channel names would drift from it; the access
 * every channel must declare is there already, so a channel added later is worded without touching this.
 */
const attempts: Record<Access, string> = {
  public: 'войти или создать школу',
  session: 'работать в журнале',
  'journal.read_own': 'открыть журнал',
  'journal.read_all': 'открыть журналы всех классов',
  'journal.write': 'вести журнал',
  'attendance.verify': 'подтвердить посещаемость класса',
  'reports.read': 'получить отчёт',
  'periods.lock': 'закрыть или открыть период',
  'school.read': 'посмотреть классы и расписание школы',
  'school.manage': 'изменить настройки школы',
  'users.manage': 'управлять пользователями',
  'movement.manage': 'оформить движение учеников',
  'movement.read': 'посмотреть движение учеников',
  'year.close': 'закрыть учебный год',
  'print.journal': 'напечатать журнал',
  'print.read': 'открыть раздел печати',
  'backup.manage': 'работать с резервными копиями',
  'audit.read': 'открыть журнал действий',
  'substitutions.manage': 'записать замену уроков',
  'pupils.read': 'посмотреть анкетные данные учеников',
  'pupils.edit': 'исправить анкетные данные ученика',
  'pupils.all_classes': 'посмотреть анкетные данные учеников всех классов',
  'journals.inspect': 'записать замечание или проверку журналов',
};

/**
 * «попытка: вести журнал (journal:setMark)» for the channel a refusal names (refused.ts): the words for the
 * reader, the channel for telling apart two calls under one permission; an unknown channel as stored.
 */
function attempt(newValue: string | null): string | null {
  const channel = objectOf(newValue)?.channel;
  if (typeof channel !== 'string') return storedWords(newValue);
  const access = findChannel(channel)?.access;
  return access ? `попытка: ${attempts[access]} (${channel})` : `попытка: ${channel}`;
}

/** A stored JSON object, or null for anything else: the entries below read only what they wrote. */
function objectOf(json: string | null): Record<string, unknown> | null {
  try {
    const v: unknown = json === null ? null : JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The audit log's own export (api/handlers/audit.ts): the count and the filter; its class, student and subject are in their columns. */
function auditExport(v: Record<string, unknown>): string {
  const f = (typeof v.filter === 'object' && v.filter !== null ? v.filter : {}) as {
    kind?: string;
    from?: string;
    to?: string;
    userId?: number;
  };
  const kind = f.kind !== undefined && Object.hasOwn(auditKinds, f.kind) ? auditKinds[f.kind as AuditKind].label : null;
  const filter = [kind, f.userId && 'один пользователь', f.from && `с ${f.from}`, f.to && `по ${f.to}`]
    .filter(Boolean)
    .join(', ');
  return `«Журнал действий», записей: ${String(v.rows)}${v.truncated ? ' (не все)' : ''}${filter ? `; отбор: ${filter}` : ''}`;
}

/** A report's file (handlers/reports.ts, cli/commands/report.ts): its title, format and, from the CLI, where it went. */
function reportExport(report: string | null, v: Record<string, unknown>): string {
  if (report === 'audit') return auditExport(v);
  const title = report !== null && Object.hasOwn(reportTitles, report) ? reportTitles[report as ReportName] : report;
  return [
    `«${title}»`,
    typeof v.format === 'string' ? v.format.toUpperCase() : null,
    typeof v.file === 'string' ? `файл ${v.file}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * An entry's «было» and «стало» as a person reads them; the screen and the Excel export both take them from
 * here. A refusal's ids are not repeated: the class, student and subject columns already name them.
 */
export function auditValues(
  row: {
    action: string;
    entityId: string | null;
    oldValue: string | null;
    newValue: string | null;
  },
  names: AuditNames = {},
): { before: string | null; after: string | null } {
  if (row.action === 'access.refused') return { before: null, after: attempt(row.newValue) };
  const exported = row.action === 'report.export' ? objectOf(row.newValue) : null;
  if (exported) return { before: null, after: reportExport(row.entityId, exported) };
  return { before: storedWords(row.oldValue, names), after: storedWords(row.newValue, names) };
}
