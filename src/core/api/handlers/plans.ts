import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const plansHandlers = (s: Services): Handlers['plans'] => ({
  get: (input, actor) => s.plans.get(must(actor), input.assignmentId),
  previewImport: (input, actor) => s.plans.previewImport(must(actor), input),
  save: (input, actor) => s.plans.save(must(actor), input.assignmentId, input.rows),
  assign: (input, actor) => s.plans.assign(must(actor), input.assignmentId, input.fromDate),
});
