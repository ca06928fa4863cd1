import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const attendanceHandlers = (s: Services): Handlers['attendance'] => ({
  classes: (_input, actor) => s.attendance.classes(actor),
  week: (input, actor) => s.attendance.week(actor, input.classId, input.weekStart),
  confirmWeek: (input, actor) => s.attendance.confirmWeek(actor, input.classId, input.weekStart, input.note),
  setReason: (input, actor) => s.attendance.setReason(actor, input),
  schoolDay: (input, actor) => s.attendance.schoolDay(actor, input.date),
});
