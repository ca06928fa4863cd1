import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const networkHandlers = (s: Services): Handlers['network'] => ({
  get: () => ({ schoolNetwork: s.network.schoolNetwork() }),
  set: (input, actor) => {
    s.network.setSchoolNetwork(must(actor), input.schoolNetwork);
    return { schoolNetwork: s.network.schoolNetwork() };
  },
});
