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
  /** The command line on the host computer: no account, so nothing it writes names a user (audit/origin.ts). */
  cli?: true;
}

/**
 * Whoever runs a command on the host computer holds the database file itself, so the command acts with the
 * role it needs; it has no account, so what it writes is audited under the command and the OS account
 * (audit/origin.ts), never under a school user's name.
 */
export const commandLineActor = (role: Role): Actor => ({
  userId: 0,
  login: 'cli',
  roles: [role],
  fullName: 'Командная строка',
  shortName: 'CLI',
  cli: true,
});

/** The account to record as the author of a row (`created_by`): none for the command line. */
export const accountOf = (actor: Actor): number | null => (actor.cli ? null : actor.userId);
