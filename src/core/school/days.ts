// The days on which a grade has lessons: inside its periods, outside every holiday, on the working
// weekdays. Shared by the demo school and the timetable's lesson generation, so both count the same days.
import { weekday, type Day } from '../../shared/dates';

export interface DaySpan {
  start: Day;
  end: Day;
}

/** Ascending days inside any of `periods` (which do not overlap), not inside a holiday, with weekday ≤ `lastWeekday`. */
export function lessonDays(periods: readonly DaySpan[], holidays: readonly DaySpan[], lastWeekday = 5): Day[] {
  const days: Day[] = [];
  const sorted = [...periods].sort((a, b) => a.start - b.start);
  for (const p of sorted) {
    for (let d = p.start; d <= p.end; d++) {
      if (weekday(d) > lastWeekday) continue;
      if (holidays.some((h) => d >= h.start && d <= h.end)) continue;
      days.push(d);
    }
  }
  return days;
}
