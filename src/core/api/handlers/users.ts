import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const usersHandlers = (s: Services): Handlers['users'] => ({
  list: () => s.users.list(),
  create: (input, actor) => s.users.create(input, must(actor)),
  resetPassword: (input, actor) => s.users.resetPassword(input.userId, must(actor)),
  setActive: (input, actor) => {
    s.users.setActive(input.userId, input.active, must(actor));
    return null;
  },
  security: () => s.security.read(),
  setSecurity: (input, actor) => s.security.write(input, must(actor)),
  unlock: (input, actor) => {
    s.users.unlock(input.userId, must(actor));
    return null;
  },
});
