import type { Actor } from '../core/actor';
import type { Role } from '../shared/roles';

/**
 * Whoever runs a command on the host computer holds the database file itself, so the command acts with the
 * role it needs; it has no account, so what it writes is audited under the command and the OS account
 * (createCore's `origin`), never under a school user's name.
 */
export const cliActor = (role: Role): Actor => ({ userId: 0, login: 'cli', roles: [role], fullName: 'Командная строка', shortName: 'CLI', cli: true });
