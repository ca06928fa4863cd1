import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const auditHandlers = (s: Services): Handlers['audit'] => ({
  list: (input) => s.auditViewer.page(input.filter, input.cursor, input.limit),
  options: (input) => s.auditViewer.options(input.classId),
  export: (input, actor) => s.auditViewer.exportXlsx(actor, input.filter),
  verifyChain: () => s.auditChain.verify(),
});
