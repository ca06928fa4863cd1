import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const journalHandlers = (s: Services): Handlers['journal'] => ({
  assignments: (input, actor) => s.journal.assignments(must(actor), input.yearId),
  setMark: (input, actor) => s.journal.setMark(must(actor), input),
  clearMark: (input, actor) => s.journal.clearMark(must(actor), input),
  setAbsence: (input, actor) => s.journal.setAbsence(must(actor), input),
  cellHistory: (input, actor) => s.journal.cellHistory(must(actor), input.lessonId, input.studentId),
  setPeriodMark: (input, actor) => s.periodMarks.set(must(actor), input),
  finals: (input, actor) => s.journal.finals(must(actor), input.assignmentId),
  grid: (input, actor) => s.journal.grid(must(actor), input.assignmentId, input.periodId),
});
