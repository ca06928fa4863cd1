import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../school/settings';
import { writeTransaction } from '../db/write';

export interface SecuritySettings {
  idleLockMinutes: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
}

/** The admin's session and lockout settings (Администрирование → Безопасность), kept in `settings`. */
export function createSecuritySettings({ db, audit }: { db: Db; audit: AuditService }) {
  const read = (): SecuritySettings => ({
    idleLockMinutes: readSetting(db, 'session.idleLockMinutes'),
    lockoutThreshold: readSetting(db, 'auth.lockoutThreshold'),
    lockoutMinutes: readSetting(db, 'auth.lockoutMinutes'),
  });
  return {
    read,
    write(actor: Actor, next: SecuritySettings): SecuritySettings {
      const before = read();
      writeTransaction(db, () => {
        writeSetting(db, 'session.idleLockMinutes', next.idleLockMinutes);
        writeSetting(db, 'auth.lockoutThreshold', next.lockoutThreshold);
        writeSetting(db, 'auth.lockoutMinutes', next.lockoutMinutes);
      });
      audit.record({
        userId: actor.userId,
        action: 'settings.security',
        entity: 'settings',
        entityId: 'security',
        oldValue: before,
        newValue: next,
      });
      return read();
    },
  };
}
