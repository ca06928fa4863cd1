import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const yearsHandlers = (s: Services): Handlers['years'] => ({
  status: (input) => s.years.status(input.yearId),
  decide: (input, actor) => s.years.decide(must(actor), input),
  close: (input, actor) => s.years.close(must(actor), input),
  prepareNext: (input, actor) => s.years.prepareNext(must(actor), input),
});
