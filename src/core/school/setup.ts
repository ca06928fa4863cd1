import { count } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { DemoTier } from '../../shared/contract/common';
import type { AuditService } from '../audit/service';
import type { SchoolService } from './service';
import { hashPassword } from '../auth/password';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { userRoles, users } from '../db/schema';
import { generateDemoSchool } from '../demo';
import type { SchoolCalendar } from '../../shared/contract/calendar';
import { checkCalendar } from './calendar/check';
import { defaultCalendar } from './calendar/defaults';
import { writeCalendar } from './calendar/store';
import { writeProfile } from './profile';
import { writeStarterKit } from './starter';
import { writeTransaction } from '../db/write';

export interface NewSchool {
  schoolName: string;
  shortName?: string;
  address?: string;
  director?: string;
  /** The first school year; the proposed one for today when left out. */
  calendar?: SchoolCalendar | undefined;
  admin: { login: string; password: string; lastName: string; firstName: string; middleName?: string };
}

export type SetupService = ReturnType<typeof createSetupService>;

/** The first start: a database with no users becomes either an empty school or the demonstration one. */
export function createSetupService({
  db,
  clock,
  audit,
  school,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  school: SchoolService;
}) {
  const hasSchool = () => (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;

  function refuseIfExists(): void {
    if (hasSchool())
      throw new AppError('conflict', 'Школа уже создана: начальная настройка больше недоступна', {
        refusal: 'already',
      });
  }

  return {
    /** What the first screen needs: the wizard when there is no school yet, else the login with the school's name. */
    status: () => ({ hasSchool: hasSchool(), schoolName: school.displayName(), isDemo: school.isDemo() }),

    defaults: () => ({ calendar: defaultCalendar(localDate(clock.now())) }),

    async createSchool(input: NewSchool): Promise<void> {
      refuseIfExists();
      const calendar = checkCalendar(input.calendar ?? defaultCalendar(localDate(clock.now())));
      const passwordHash = await hashPassword(input.admin.password);
      writeTransaction(db, () => {
        // Again inside the transaction: a second wizard that hashed its password meanwhile stops here.
        refuseIfExists();
        const admin = db
          .insert(users)
          .values({
            login: input.admin.login,
            passwordHash,
            lastName: input.admin.lastName,
            firstName: input.admin.firstName,
            middleName: input.admin.middleName ?? null,
          })
          .returning({ id: users.id })
          .get();
        db.insert(userRoles).values({ userId: admin.id, role: 'admin' }).run();
        writeProfile(db, {
          fullName: input.schoolName,
          shortName: input.shortName ?? '',
          address: input.address ?? '',
          director: input.director ?? '',
        });
        writeCalendar(db, null, calendar, true);
        writeStarterKit(db);
      });
      audit.record({
        userId: null,
        action: 'school.create',
        entity: 'school',
        newValue: { name: input.schoolName, year: calendar.year.name, admin: input.admin.login },
      });
    },

    createDemo(tier: DemoTier): void {
      refuseIfExists();
      generateDemoSchool(db, { tier, years: 1, today: localDate(clock.now()) });
      audit.record({ userId: null, action: 'school.demo', entity: 'school', newValue: { tier } });
    },
  };
}
