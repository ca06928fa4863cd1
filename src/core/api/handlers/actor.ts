import type { Actor } from '../../actor';

export const sessionUser = (a: Actor, idleLockMinutes: number) => ({
  id: a.userId,
  login: a.login,
  fullName: a.fullName,
  shortName: a.shortName,
  roles: a.roles,
  mustChangePassword: a.mustChangePassword ?? false,
  sessionLocked: a.sessionLocked ?? false,
  idleLockMinutes,
});
