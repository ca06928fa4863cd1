import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const yearsHandlers = (s: Services): Handlers['years'] => ({
  status: (input) => s.years.status(input.yearId),
  decide: (input, actor) => s.years.decide(actor, input),
  close: (input, actor) => s.years.close(actor, input),
  prepareNext: (input, actor) => s.years.prepareNext(actor, input),
});
