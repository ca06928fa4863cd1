import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const setupHandlers = (s: Services): Handlers['setup'] => ({
  status: () => s.setup.status(),
  defaults: () => s.setup.defaults(),
  createSchool: async (input) => {
    await s.setup.createSchool(input);
    return null;
  },
  createDemo: (input) => {
    s.setup.createDemo(input.tier);
    return null;
  },
});
