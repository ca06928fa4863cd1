/** Dates are `YYYY-MM-DD` strings everywhere; these read them without time zones getting in the way. */

const monthNames = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const monthShortNames = ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'];
const monthGenitive = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const parts = (iso: string) => {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return { y, m, d };
};

/** «2026-10» — groups lessons by month. */
export const monthKey = (iso: string) => iso.slice(0, 7);
export const monthName = (iso: string) => monthNames[parts(iso).m - 1] ?? '';
export const monthShortName = (iso: string) => monthShortNames[parts(iso).m - 1] ?? '';
export const dayOfMonth = (iso: string) => parts(iso).d;

/** «12.10» */
export function dayMonth(iso: string): string {
  const { m, d } = parts(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}`;
}

/** «12.10.2026» */
export function fullDate(iso: string): string {
  return `${dayMonth(iso)}.${parts(iso).y}`;
}

/** «12 октября» */
export function dayAndMonthName(iso: string): string {
  const { m, d } = parts(iso);
  return `${d} ${monthGenitive[m - 1] ?? ''}`;
}

/** Today in this computer's local time, as the school sees it. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
