import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { sessionUser } from './actor';

export const authHandlers = (s: Services): Handlers['auth'] => {
  const user = (a: Parameters<typeof sessionUser>[0]) => sessionUser(a, s.auth.idleLockMinutes());
  return {
    login: async (input, _actor, call) => {
      const { token, actor } = await s.auth.login(input.login, input.password, call.client);
      call.setSession(token);
      return user(actor);
    },
    logout: (_input, actor, call) => {
      s.auth.logout(actor, call.sessionToken);
      call.setSession(null);
      return null;
    },
    changePassword: async (input, actor, call) => {
      try {
        await s.auth.changePassword(actor, call.sessionToken, input.oldPassword, input.newPassword, call.client);
      } catch (e) {
        // A wrong old password that locked the account ended the session: the transport forgets it too.
        if ((e as { kind?: string }).kind === 'unauthorized') call.setSession(null);
        throw e;
      }
      return user({ ...actor, mustChangePassword: false });
    },
    lock: (input, actor, call) => {
      s.auth.lock(actor, call.sessionToken, input.cause);
      return null;
    },
    unlock: async (input, actor, call) => {
      try {
        await s.auth.unlock(actor, call.sessionToken, input.password, call.client);
      } catch (e) {
        // A wrong password that locked the account ended the session: the transport forgets it too.
        if ((e as { kind?: string }).kind === 'unauthorized') call.setSession(null);
        throw e;
      }
      return user({ ...actor, sessionLocked: false });
    },
    me: (_input, actor) => (actor ? user(actor) : null),
  };
};
