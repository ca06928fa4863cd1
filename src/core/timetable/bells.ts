// Звонки: the start and end of each lesson number, per shift. The editor's rows and «Мой день» read them.
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { bellTimes } from '../db/schema';
import { writeTransaction } from '../db/write';

export interface BellTime {
  number: number;
  startTime: string;
  endTime: string;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function bellsOf(db: Db, shift?: number) {
  return db
    .select()
    .from(bellTimes)
    .where(shift === undefined ? undefined : eq(bellTimes.shift, shift))
    .orderBy(asc(bellTimes.shift), asc(bellTimes.number))
    .all();
}

/** Lessons numbered 1, 2, … in order, each ending after it starts and before the next one starts. */
export function checkBells(times: readonly BellTime[]): void {
  const sorted = [...times].sort((a, b) => a.number - b.number);
  sorted.forEach((t, i) => {
    if (t.number !== i + 1) throw new AppError('validation', `Уроки нумеруются подряд с 1: нет ${i + 1}-го урока`);
    if (minutes(t.endTime) <= minutes(t.startTime))
      throw new AppError(
        'validation',
        `${t.number}-й урок: конец (${t.endTime}) должен быть позже начала (${t.startTime})`,
      );
    const prev = sorted[i - 1];
    if (prev && minutes(t.startTime) < minutes(prev.endTime)) {
      throw new AppError(
        'validation',
        `${t.number}-й урок начинается (${t.startTime}) раньше, чем кончается ${prev.number}-й (${prev.endTime})`,
      );
    }
  });
}

export function replaceBells(db: Db, shift: number, times: readonly BellTime[]): void {
  checkBells(times);
  writeTransaction(db, () => {
    db.delete(bellTimes).where(eq(bellTimes.shift, shift)).run();
    for (const t of times)
      db.insert(bellTimes).values({ shift, number: t.number, startTime: t.startTime, endTime: t.endTime }).run();
  });
}
