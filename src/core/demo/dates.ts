// The demo school's own uses of days (src/shared/dates.ts has the calendar): when orders are signed and the
// moments entries are stamped with.
import { iso, weekday, type Day } from '../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** Orders are signed on working days: a weekend date moves back to Friday. */
export function workday(d: Day): Day {
  const wd = weekday(d);
  return wd === 6 ? d - 1 : wd === 7 ? d - 2 : d;
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
