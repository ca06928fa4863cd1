import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { recordExport } from '../../audit/exported';

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
  file: async (input, actor) => {
    const file = await s.reports.file(actor, input.report, input.params, input.format);
    // The CLI records its own export with the file's path (cli/commands/report.ts).
    recordExport(s.audit, actor, input.report, { params: input.params, format: input.format });
    return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
  },
});
