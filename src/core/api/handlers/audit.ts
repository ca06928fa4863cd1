import { recordExport } from '../../audit/exported';
import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const auditHandlers = (s: Services): Handlers['audit'] => ({
  list: (input) => s.auditViewer.page(input.filter, input.cursor, input.limit),
  options: (input) => s.auditViewer.options(input.classId),
  export: async (input, actor) => {
    const file = await s.auditViewer.exportXlsx(input.filter);
    // The log leaves the app like a report does: who took it, with which filter, how many entries.
    recordExport(s.audit, must(actor), 'audit', { filter: input.filter, rows: file.rows, truncated: file.truncated });
    return file;
  },
});
