import type { AbsenceCode } from '../../../shared/contract/common';

/** The colour of each absence code: unexcused stands out, excused ones are quiet; all dark enough to read (global.css). */
export const codeColor: Record<AbsenceCode, string> = {
  н: 'var(--mantine-color-red-text)',
  б: 'var(--mantine-color-blue-text)',
  у: 'var(--mantine-color-teal-text)',
  оп: 'var(--mantine-color-orange-text)',
};
