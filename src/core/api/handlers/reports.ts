import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const reportsHandlers = (s: Services): Handlers['reports'] => ({
  classes: (input, actor) => s.reports.classes(actor, input.yearId),
  progress: (input, actor) => s.reports.run(actor, 'progress', input),
  attendanceMonth: (input, actor) => s.reports.run(actor, 'attendanceMonth', input),
  attendanceYear: (input, actor) => s.reports.run(actor, 'attendanceYear', input),
  summarySheet: (input, actor) => s.reports.run(actor, 'summarySheet', input),
  students: (input, actor) => s.reports.students(actor, input.classId),
  classTeacher: (input, actor) => s.reports.run(actor, 'classTeacher', input),
  movement: (input, actor) => s.reports.run(actor, 'movement', input),
  fill: (input, actor) => s.reports.run(actor, 'fill', input),
  outcomes: (input, actor) => s.reports.run(actor, 'outcomes', input),
  statement: (input, actor) => s.reports.run(actor, 'statement', input),
  forecast: (input, actor) => s.reports.run(actor, 'forecast', input),
  control: (input, actor) => s.reports.run(actor, 'control', input),
  substitutions: (input, actor) => s.reports.run(actor, 'substitutions', input),
  file: (input, actor) => s.reports.file(actor, input),
});
