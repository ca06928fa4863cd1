import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { gradePeriodSchemes, periods, schoolYears, settings } from '../db/schema';
import { currentYear } from './years';

export type SchoolService = ReturnType<typeof createSchoolService>;

export function createSchoolService({ db }: { db: Db }) {
  const schoolName = (): string | null => {
    const row = db.select().from(settings).where(eq(settings.key, 'school.name')).get();
    return row ? (JSON.parse(row.value) as string) : null;
  };

  return {
    schoolName,

    /** What the header and the login screen show: the short name when the school gave one, else the full one. */
    displayName(): string | null {
      const row = db.select().from(settings).where(eq(settings.key, 'school.shortName')).get();
      const short = row ? (JSON.parse(row.value) as string) : '';
      return short || schoolName();
    },

    /** The director's full name, as the certification page and the archive act print it. */
    director(): string | null {
      const row = db.select().from(settings).where(eq(settings.key, 'school.director')).get();
      return row ? (JSON.parse(row.value) as string) : null;
    },

    isDemo(): boolean {
      return db.select().from(settings).where(eq(settings.key, 'school.isDemo')).get()?.value === 'true';
    },

    years() {
      return db.select().from(schoolYears).orderBy(desc(schoolYears.startDate)).all();
    },

    currentYear: () => currentYear(db),

    /** The periods of a year; for a grade, only those of the scheme the grade follows (quarters or half-years). */
    periods(yearId: number, grade?: number) {
      if (grade === undefined) {
        return db
          .select()
          .from(periods)
          .where(eq(periods.yearId, yearId))
          .orderBy(asc(periods.startDate), asc(periods.scheme))
          .all();
      }
      const scheme = db
        .select({ scheme: gradePeriodSchemes.scheme })
        .from(gradePeriodSchemes)
        .where(and(eq(gradePeriodSchemes.yearId, yearId), eq(gradePeriodSchemes.grade, grade)))
        .get();
      if (!scheme) return [];
      return db
        .select()
        .from(periods)
        .where(and(eq(periods.yearId, yearId), eq(periods.scheme, scheme.scheme)))
        .orderBy(asc(periods.number))
        .all();
    },
  };
}
