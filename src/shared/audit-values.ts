import { shownValue } from './audit';
import { findChannel } from './contract';
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
  'backup.manage': 'работать с резервными копиями',
  'audit.read': 'открыть журнал действий',
};

/**
 * «попытка: вести журнал (journal:setMark)» for the channel a refusal names (refused.ts): the words for the
 * reader, the channel for telling apart two calls under one permission; an unknown channel as stored.
 */
function attempt(newValue: string | null): string | null {
  let channel: unknown;
  try {
    channel = newValue === null ? null : (JSON.parse(newValue) as { channel?: unknown }).channel;
  } catch {
    return shownValue(newValue);
  }
  if (typeof channel !== 'string') return shownValue(newValue);
  const access = findChannel(channel)?.access;
  return access ? `попытка: ${attempts[access]} (${channel})` : `попытка: ${channel}`;
}

/**
 * An entry's «было» and «стало» as a person reads them; the screen and the Excel export both take them from
 * here. A refusal's ids are not repeated: the class, student and subject columns already name them.
 */
export function auditValues(row: { action: string; oldValue: string | null; newValue: string | null }): { before: string | null; after: string | null } {
  if (row.action === 'access.refused') return { before: null, after: attempt(row.newValue) };
  return { before: shownValue(row.oldValue), after: shownValue(row.newValue) };
}
