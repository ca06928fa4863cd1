import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const usersHandlers = (s: Services): Handlers['users'] => ({
  list: () => s.users.list(),
  create: (input, actor) => s.users.create(input, actor),
  resetPassword: (input, actor) => s.users.resetPassword(input.userId, actor),
  setActive: (input, actor) => {
    s.users.setActive(input.userId, input.active, actor);
    return null;
  },
  security: () => s.security.read(),
  setSecurity: (input, actor) => s.security.write(input, actor),
  unlock: (input, actor) => {
    s.users.unlock(input.userId, actor);
    return null;
  },
});
