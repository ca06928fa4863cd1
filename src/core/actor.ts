import type { Role } from '../shared/roles';

/** The person on whose behalf a call runs, resolved from the session by the transport wrapper. */
export interface Actor {
  userId: number;
  login: string;
  roles: Role[];
  fullName: string;
  shortName: string;
  /** Set after a one-time password: the dispatcher lets only `auth:*` through until it is changed. */
  mustChangePassword?: boolean;
  /** The session was locked (idle, OS screen lock): only `auth:unlock` and `auth:logout` go through. */
  sessionLocked?: boolean;
}
