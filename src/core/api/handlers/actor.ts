import { AppError } from '../../../shared/errors';
import type { Actor } from '../../actor';

/** Past the dispatcher's checks a non-public call always has an actor; this narrows the type. */
export function must(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthorized', 'Войдите в систему');
  return actor;
}

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
