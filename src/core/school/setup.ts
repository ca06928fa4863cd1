import { count } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { DemoTier } from '../../shared/contract/common';
import type { AuditService } from '../audit/service';
import { hashPassword } from '../auth/password';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { settings, userRoles, users } from '../db/schema';
import { generateDemoSchool } from '../demo';

export interface NewSchool {
  schoolName: string;
  admin: { login: string; password: string; lastName: string; firstName: string; middleName?: string };
}

export type SetupService = ReturnType<typeof createSetupService>;

/** The first start: a database with no users becomes either an empty school or the demonstration one. */
export function createSetupService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const hasSchool = () => (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;

  function refuseIfExists(): void {
    if (hasSchool()) throw new AppError('conflict', 'Школа уже создана: начальная настройка больше недоступна');
  }

  return {
    hasSchool,

    async createSchool(input: NewSchool): Promise<void> {
      refuseIfExists();
      const passwordHash = await hashPassword(input.admin.password);
      db.transaction((tx) => {
        const admin = tx
          .insert(users)
          .values({ login: input.admin.login, passwordHash, lastName: input.admin.lastName, firstName: input.admin.firstName, middleName: input.admin.middleName ?? null })
          .returning({ id: users.id })
          .get();
        tx.insert(userRoles).values({ userId: admin.id, role: 'admin' }).run();
        tx.insert(settings).values({ key: 'school.name', value: JSON.stringify(input.schoolName) }).run();
      });
      audit.record({ userId: null, action: 'school.create', entity: 'school', newValue: { name: input.schoolName, admin: input.admin.login } });
    },

    createDemo(tier: DemoTier): void {
      refuseIfExists();
      generateDemoSchool(db, { tier, years: 1, today: localDate(clock.now()) });
      audit.record({ userId: null, action: 'school.demo', entity: 'school', newValue: { tier } });
    },
  };
}
