import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const inspectionHandlers = (s: Services): Handlers['inspection'] => ({
  write: (input, actor) => s.inspection.write(actor, input),
  list: (input) => s.inspection.list(input),
  mine: (_, actor) => s.inspection.mine(actor),
  done: (input, actor) => s.inspection.done(actor, input),
  confirm: (input, actor) => s.inspection.confirm(actor, input.id),
  reopen: (input, actor) => s.inspection.reopen(actor, input),
  saveCheck: (input, actor) => s.inspection.saveCheck(actor, input),
  checks: () => s.inspection.checks(),
  check: (input) => s.inspection.check(input.id),
});
