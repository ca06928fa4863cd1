/** The address that opens a journal (and a period, and a lesson's column): «Мой день», reports and preflight link here. */
export const journalHref = (l: {
  assignmentId: number;
  periodId?: number | null;
  lessonId?: number | null;
  yearId?: number | null;
}) =>
  `#/journal?assignment=${l.assignmentId}${l.periodId ? `&period=${l.periodId}` : ''}${l.lessonId ? `&lesson=${l.lessonId}` : ''}${l.yearId ? `&year=${l.yearId}` : ''}`;
