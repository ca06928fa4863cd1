// A closed school year is read-only: its journals, lists and movement stay as they were when the year was
// closed, printable and reportable, and every write refuses with one Russian message. The mark lives in the
// settings table (key `year.closed.<id>`), so closing a year needs no schema change.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { orderText } from '../../shared/orders';
import { classes, schoolYears, settings } from '../db/schema';
import { storedSetting } from '../school/settings';

const closedMark = z.object({
  closedAt: z.string(),
  closedBy: z.number().int(),
  orderNumber: z.string(),
  orderDate: z.string(),
});
export type ClosedMark = z.infer<typeof closedMark>;

const keyOf = (yearId: number) => `year.closed.${yearId}`;

export function closedMarkOf(db: Db, yearId: number): ClosedMark | null {
  // Asked by every save: read through the settings' prepared query.
  const stored = storedSetting(db, keyOf(yearId));
  if (stored === undefined) return null;
  const parsed = closedMark.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

export function markYearClosed(db: Db, yearId: number, mark: ClosedMark): void {
  db.insert(settings)
    .values({ key: keyOf(yearId), value: JSON.stringify(mark) })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(mark) } })
    .run();
}

/** Refuses any change to a closed year's data. */
export function requireOpenYear(db: Db, yearId: number): void {
  const mark = closedMarkOf(db, yearId);
  if (!mark) return;
  const year = db.select({ name: schoolYears.name }).from(schoolYears).where(eq(schoolYears.id, yearId)).get();
  throw new AppError(
    'locked',
    `${year?.name ?? 'Этот'} учебный год закрыт (${orderText(mark.orderNumber, mark.orderDate)}): его журналы и списки только для чтения и печати`,
    {
      yearId,
    },
  );
}

/** The same check for a change that names a class. */
export function requireOpenClassYear(db: Db, classId: number): void {
  const row = db.select({ yearId: classes.yearId }).from(classes).where(eq(classes.id, classId)).get();
  if (row) requireOpenYear(db, row.yearId);
}
