import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const networkHandlers = (s: Services): Handlers['network'] => ({
  get: () => ({ schoolNetwork: s.network.schoolNetwork() }),
  info: () => s.network.info(),
  set: (input, actor) => ({ schoolNetwork: s.network.setSchoolNetwork(actor, input.schoolNetwork) }),
});
