import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const printHandlers = (s: Services): Handlers['print'] => ({
  classes: (input) => s.print.choice(input.yearId),
  preflight: (input) => ({ issues: s.print.preflight(input.classId) }),
  classBook: (input, actor) =>
    s.print.bookToFolder(actor, input.classId, { duplex: input.duplex, personalData: input.personalData }),
  startSchool: (input, actor) => ({
    jobId: s.print.startSchool(actor, input.yearId, { duplex: input.duplex, personalData: input.personalData }),
  }),
  job: (input) => s.print.job(input.jobId),
  cancel: (input) => ({ cancelled: s.print.cancel(input.jobId) }),
  open: async (input, actor) => {
    await s.print.open(actor, input.file, input.action);
    return { ok: true as const };
  },
  download: (input, actor) => s.print.download(actor, input.file),
});
