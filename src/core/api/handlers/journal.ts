import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const journalHandlers = (s: Services): Handlers['journal'] => ({
  assignments: (input, actor) => s.journal.assignments(actor, input.yearId),
  setMark: (input, actor) => s.journal.setMark(actor, input),
  clearMark: (input, actor) => s.journal.clearMark(actor, input),
  setAbsence: (input, actor) => s.journal.setAbsence(actor, input),
  cellHistory: (input, actor) => s.journal.cellHistory(actor, input.lessonId, input.studentId),
  setPeriodMark: (input, actor) => s.periodMarks.set(actor, input),
  finals: (input, actor) => s.journal.finals(actor, input.assignmentId),
  grid: (input, actor) => s.journal.grid(actor, input.assignmentId, input.periodId),
});
