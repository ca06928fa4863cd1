import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const retentionHandlers = (s: Services): Handlers['retention'] => ({
  register: () => s.retention.register(),
  markDone: (input, actor) => s.retention.markDone(actor, input),
});
