import type { Role } from '../shared/roles';

/** The person on whose behalf a call runs, resolved from the session by the transport wrapper. */
export interface Actor {
  userId: number;
  login: string;
  roles: Role[];
  fullName: string;
  shortName: string;
}
