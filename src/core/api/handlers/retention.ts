import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const retentionHandlers = (s: Services): Handlers['retention'] => ({
  register: () => s.retention.register(),
  markDone: (input, actor) => s.retention.markDone(must(actor), input),
});
