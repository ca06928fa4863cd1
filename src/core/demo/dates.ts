// Calendar arithmetic on whole days (days since 1970-01-01, UTC): fast, and free of time zones.

export type Day = number;

const msPerDay = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / msPerDay);
}

/** Parses `YYYY-MM-DD`; null when it is not a real date. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso(d) === text ? d : null;
}

const isoCache = new Map<Day, string>();

/** `YYYY-MM-DD`. */
export function iso(d: Day): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    s = new Date(d * msPerDay).toISOString().slice(0, 10);
    isoCache.set(d, s);
  }
  return s;
}

/** `DD.MM.YYYY`, as Russian documents write dates. */
export function ru(d: Day): string {
  const [y, m, dd] = iso(d).split('-');
  return `${dd}.${m}.${y}`;
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekday(d: Day): number {
  return (((d + 3) % 7) + 7) % 7 + 1;
}

/** Orders are signed on working days: a weekend date moves back to Friday. */
export function workday(d: Day): Day {
  const wd = weekday(d);
  return wd === 6 ? d - 1 : wd === 7 ? d - 2 : d;
}

export function yearOf(d: Day): number {
  return new Date(d * msPerDay).getUTCFullYear();
}

/** The first day on or after `from` that falls on `wd` (1 = Monday). */
export function onOrAfter(from: Day, wd: number): Day {
  return from + ((wd - weekday(from) + 7) % 7);
}

/** `YYYY-MM-DD HH:mm:ss` at `minutes` after midnight of `d` (minutes may exceed a day). */
export function stamp(d: Day, minutes: number, seconds = 0): string {
  const whole = Math.floor(minutes);
  const dayShift = Math.floor(whole / 1440);
  const m = whole - dayShift * 1440;
  return `${iso(d + dayShift)} ${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(seconds % 60)}`;
}

/** `HH:mm` to minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}
