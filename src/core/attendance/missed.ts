import type { ClassAttendance } from './load';

/** Absent from the whole lesson; «оп» (late) is attendance. */
export const missesLesson = (code: string) => code === 'н' || code === 'б' || code === 'у';

/**
 * A day counts as missed when the student missed every lesson they were due at that day (docs/DOMAIN.md): a lesson of
 * another subgroup is not theirs to miss, and a day with no lessons for them is not a missed day.
 */
export function missedDays(
  data: Pick<ClassAttendance, 'lessons' | 'absences' | 'dueAt'>,
): { studentId: number; date: string }[] {
  const missed = new Set(data.absences.filter((a) => missesLesson(a.code)).map((a) => `${a.lessonId}:${a.studentId}`));
  // studentId → date → [due, missed]
  const tally = new Map<number, Map<string, [number, number]>>();
  for (const lesson of data.lessons) {
    for (const studentId of data.dueAt.get(lesson.id) ?? []) {
      let days = tally.get(studentId);
      if (!days) tally.set(studentId, (days = new Map()));
      const t = days.get(lesson.date) ?? [0, 0];
      t[0] += 1;
      if (missed.has(`${lesson.id}:${studentId}`)) t[1] += 1;
      days.set(lesson.date, t);
    }
  }
  const out: { studentId: number; date: string }[] = [];
  for (const [studentId, days] of tally) {
    for (const [date, [due, gone]] of days) if (due > 0 && gone === due) out.push({ studentId, date });
  }
  return out.sort((a, b) => a.studentId - b.studentId || a.date.localeCompare(b.date));
}
