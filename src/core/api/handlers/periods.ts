import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const periodsHandlers = (s: Services): Handlers['periods'] => ({
  locks: (input) => s.periodLocks.locks(input.yearId),
  lock: (input, actor) => s.periodLocks.lock(actor, input),
  unlock: (input, actor) => s.periodLocks.unlock(actor, input),
});
