import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const printHandlers = (s: Services): Handlers['print'] => ({
  classes: (input) => {
    const { year, classes } = s.print.classes(input.yearId);
    return { years: s.school.years(), yearId: year.id, classes };
  },
  preflight: (input) => ({ issues: s.print.preflight(input.classId) }),
  classBook: (input, actor) => s.print.bookToFolder(input.classId, { duplex: input.duplex, personalData: input.personalData }, actor),
  startSchool: (input, actor) => ({ jobId: s.print.startSchool(input.yearId, { duplex: input.duplex, personalData: input.personalData }, actor) }),
  job: (input) => s.print.job(input.jobId),
  cancel: (input) => ({ cancelled: s.print.cancel(input.jobId) }),
  open: async (input, actor) => {
    await s.print.open(input.file, input.action, actor);
    return { ok: true as const };
  },
});
