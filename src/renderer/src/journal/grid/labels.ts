import type { JournalGrid } from '../../../../shared/contract';

type AbsenceCode = JournalGrid['absences'][number]['code'];

export const absenceNames: Record<AbsenceCode, string> = {
  н: 'отсутствовал без уважительной причины',
  б: 'отсутствовал по болезни',
  у: 'отсутствовал по уважительной причине',
  оп: 'опоздал',
};

export const absenceOrder: readonly AbsenceCode[] = ['н', 'б', 'у', 'оп'];

/** «1,5» */
export const formatWeight = (w: number) => String(w).replace('.', ',');
