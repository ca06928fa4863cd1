import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const plansHandlers = (s: Services): Handlers['plans'] => ({
  get: (input, actor) => s.plans.get(actor, input.assignmentId),
  previewImport: (input, actor) => s.plans.previewImport(actor, input),
  save: (input, actor) => s.plans.save(actor, input.assignmentId, input.rows),
  assign: (input, actor) => s.plans.assign(actor, input.assignmentId, input.fromDate),
});
