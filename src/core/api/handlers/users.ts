import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const usersHandlers = (s: Services): Handlers['users'] => ({
  list: () => s.users.list(),
  create: (input, actor) => s.users.create(actor, input),
  resetPassword: (input, actor) => s.users.resetPassword(actor, input.userId),
  setActive: (input, actor) => {
    s.users.setActive(actor, input.userId, input.active);
    return null;
  },
  security: () => s.security.read(),
  setSecurity: (input, actor) => s.security.write(actor, input),
  unlock: (input, actor) => {
    s.users.unlock(actor, input.userId);
    return null;
  },
  rename: (input, actor) => {
    s.users.rename(actor, input);
    return null;
  },
  setRoles: (input, actor) => {
    s.users.setRoles(actor, input.userId, input.roles);
    return null;
  },
});
