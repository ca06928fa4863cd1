import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const periodsHandlers = (s: Services): Handlers['periods'] => ({
  locks: (input) => s.periodLocks.locks(input.yearId),
  lock: (input, actor) => s.periodLocks.lock(must(actor), input),
  unlock: (input, actor) => s.periodLocks.unlock(must(actor), input),
});
