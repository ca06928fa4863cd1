import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must, sessionUser } from './actor';

export const authHandlers = (s: Services): Handlers['auth'] => ({
  login: async (input, _actor, call) => {
    const { token, actor } = await s.auth.login(input.login, input.password, call.client);
    call.setSession(token);
    return sessionUser(actor);
  },
  logout: (_input, actor, call) => {
    s.auth.logout(call.sessionToken, must(actor));
    call.setSession(null);
    return null;
  },
  changePassword: async (input, actor) => {
    const me = must(actor);
    await s.auth.changePassword(me, input.oldPassword, input.newPassword);
    return sessionUser({ ...me, mustChangePassword: false });
  },
  me: (_input, actor) => (actor ? sessionUser(actor) : null),
});
