import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const attendanceHandlers = (s: Services): Handlers['attendance'] => ({
  classes: (_input, actor) => s.attendance.classes(must(actor)),
  week: (input, actor) => s.attendance.week(must(actor), input.classId, input.weekStart),
  confirmWeek: (input, actor) => s.attendance.confirmWeek(must(actor), input.classId, input.weekStart, input.note),
  setReason: (input, actor) => s.attendance.setReason(must(actor), input),
  schoolDay: (input, actor) => s.attendance.schoolDay(must(actor), input.date),
});
