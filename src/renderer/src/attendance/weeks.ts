/** Week arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, n: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return toIso(d);
}

export function mondayOf(iso: string): string {
  const weekday = (toDate(iso).getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(iso, -weekday);
}

const weekdayNames = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
export const weekdayName = (iso: string) => weekdayNames[(toDate(iso).getUTCDay() + 6) % 7] ?? '';
