// Dates as the school writes them. A date is a `YYYY-MM-DD` string everywhere; arithmetic goes through whole
// days since 1970-01-01 (UTC), which is fast and free of time zones. Pure: the renderer, the core and the demo
// school all take their dates from here.
import { AppError } from './errors';

/** Days since 1970-01-01. */
export type Day = number;

const msPerDay = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / msPerDay);
}

const isoCache = new Map<Day, string>();

/** `YYYY-MM-DD` of a day. */
export function iso(d: Day): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    s = new Date(d * msPerDay).toISOString().slice(0, 10);
    isoCache.set(d, s);
  }
  return s;
}

/** Parses `YYYY-MM-DD`; null when it is not a real date (2025-02-30 is not: Date would roll it into March). */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso(d) === text ? d : null;
}

/** The ISO date of a year, month and day typed by someone, or null when the calendar has no such day. */
export function isoOf(year: number, month: number, dayOfMonth: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(dayOfMonth)}`;
  return parseDay(text) === null ? null : text;
}

/** The day of an ISO date that must be real (stored, or checked by the contract on the way in). */
export function dayOf(date: string): Day {
  const d = parseDay(date);
  if (d === null) throw new AppError('validation', 'Такой даты нет в календаре');
  return d;
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekday(d: Day): number {
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

/** The first day on or after `from` that falls on `wd` (1 = Monday). */
export function onOrAfter(from: Day, wd: number): Day {
  return from + ((wd - weekday(from) + 7) % 7);
}

/** `date` plus `n` days (n may be negative). */
export const addDays = (date: string, n: number): string => iso(dayOf(date) + n);
/** Whole days from `from` to `to`: 0 when equal, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => dayOf(to) - dayOf(from);
/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => weekday(dayOf(date));
/** The Monday of the week holding `date`: a Russian week starts on Monday. */
export const mondayOf = (date: string): string => addDays(date, 1 - weekdayOf(date));

const weekdayAbbreviations = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
/** «пн» … «вс». */
export const weekdayShortName = (date: string): string => weekdayAbbreviations[weekdayOf(date) - 1] ?? '';

/** «12.10.2026», as Russian documents write a date. */
export const ruDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** A stored moment (`2026-11-24 10:05:31` or ISO with `T`) as the school writes it: «24.11.2026 10:05». */
export const ruDateTime = (at: string): string => `${ruDate(at.slice(0, 10))} ${at.slice(11, 16)}`;
/** «12.10» */
export const dayMonth = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
/** 12 of «2026-10-12». */
export const dayOfMonth = (date: string): number => Number(date.slice(8, 10));
/** «2026-10» of a date: the key months are grouped and asked for by. */
export const monthKey = (date: string): string => date.slice(0, 7);

const nominative = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const genitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const abbreviated = ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const monthIndex = (dateOrMonth: string) => Number(dateOrMonth.slice(5, 7)) - 1;

/** «октябрь» of «2026-10» or «2026-10-12». */
export const monthName = (dateOrMonth: string): string => nominative[monthIndex(dateOrMonth)] ?? '';
/** «окт.», as a column over a month's days is headed (the dictionary's abbreviations). */
export const monthAbbreviation = (dateOrMonth: string): string => abbreviated[monthIndex(dateOrMonth)] ?? '';
/** «октябрь 2026» */
export const monthAndYear = (month: string): string => `${monthName(month)} ${month.slice(0, 4)}`;
/** «12 октября» */
export const dayAndMonthName = (date: string): string => `${dayOfMonth(date)} ${genitive[monthIndex(date)] ?? ''}`;

/** The first and last day of a month «2026-02» → 2026-02-01 … 2026-02-28. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: `${month}-01`, to: iso(day(y, m + 1, 0)) };
}

/** The months from the one of `from` to the one of `to`, both included: «2025-09» … «2026-05». */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const end = to.slice(0, 7);
  for (let key = `${y}-${pad(m)}`; key <= end; key = `${y}-${pad(m)}`) {
    out.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** `YYYY-MM-DD` of a moment in this computer's local time: the school's «today». */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today on this computer: a screen's default date (the core asks its clock instead). */
export const todayIso = (): string => localDate(new Date());

/** `YYYY-MM-DD HH:mm:ss` of a moment in local time: the form every stored timestamp has. */
export function localTimestamp(d: Date): string {
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
