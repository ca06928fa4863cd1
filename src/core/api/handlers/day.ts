import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const dayHandlers = (s: Services): Handlers['day'] => ({
  mine: (input, actor) => s.day.mine(actor, input.date),
});
