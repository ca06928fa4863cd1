import type { AbsenceCode } from '../../../shared/contract/common';

/** The colour of each absence code: unexcused stands out, excused ones are quiet. */
export const codeColor: Record<AbsenceCode, string> = {
  н: 'var(--mantine-color-red-8)',
  б: 'var(--mantine-color-blue-8)',
  у: 'var(--mantine-color-teal-8)',
  оп: 'var(--mantine-color-orange-8)',
};
