import { withComma } from '../../../shared/numbers';

/** Sizes as a Russian reader writes them: «4,1 МБ», «12,3 ГБ». */
export function size(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${withComma(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export const reasonNames = {
  manual: 'вручную',
  daily: 'ежедневно',
  exit: 'при выходе',
  migration: 'перед обновлением',
} as const;
