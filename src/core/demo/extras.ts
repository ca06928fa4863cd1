// The current year's control traces: the class teachers' weekly attendance checks and a few of the
// deputy's remarks on the journals (some answered and resolved).
import type { YearCalendar } from '../school/calendar/ministry';
import { iso, onOrAfter, ruDate, type Day } from '../../shared/dates';
import { stamp } from './dates';
import { at, type Rng } from './random';
import type { Writers } from './sql';

const ru = (d: Day) => ruDate(iso(d));

export interface ExtrasClass {
  id: number;
  classTeacherId: number;
  assignmentIds: readonly number[];
  days: readonly Day[];
}

export function writeExtras(
  w: Writers,
  rng: Rng,
  cal: YearCalendar,
  today: Day,
  classes: readonly ExtrasClass[],
  deputyId: number,
): void {
  for (const c of classes) {
    const school = new Set(c.days);
    for (let monday = onOrAfter(cal.start - 6, 1); monday + 4 < today && monday <= cal.end; monday += 7) {
      const hasLessons = [0, 1, 2, 3, 4].some((k) => school.has(monday + k));
      if (!hasLessons || !rng.chance(0.85)) continue;
      const late = rng.chance(0.2) && monday + 7 < today;
      const on = late ? monday + 7 : monday + 4;
      const note = rng.chance(0.15) ? 'Причины пропусков уточнены с учителями-предметниками' : null;
      w.attendanceCheck(c.id, iso(monday), c.classTeacherId, stamp(on, rng.int(840, 1080), rng.int(0, 59)), note);
    }
  }

  const count = 4 + Math.floor(classes.length / 8);
  for (let i = 0; i < count; i++) {
    const c = rng.pick(classes);
    const past = c.days.filter((d) => d >= cal.start + 20 && d < today - 1);
    if (past.length === 0) return;
    const date = rng.pick(past);
    const all = c.days;
    const di = all.indexOf(date);
    const from = at(all, Math.max(0, di - rng.int(6, 12)));
    const next = at(all, Math.min(all.length - 1, all.indexOf(from) + 1));
    const weekLater = at(all, Math.min(all.length - 1, all.indexOf(from) + 4));
    const assignmentId = rng.pick(c.assignmentIds);
    const [text, response] = rng.pick<readonly [string, string | null]>([
      [
        `Не заполнены темы уроков за период с ${ru(from)} по ${ru(weekLater)}. Заполнить до ${ru(at(all, Math.min(all.length - 1, di + 3)))}.`,
        'Темы уроков внесены.',
      ],
      [
        `Отметки за контрольную работу от ${ru(from)} выставлены позже установленного срока (7 дней).`,
        'Учту, сроки буду соблюдать.',
      ],
      [
        `Низкая накопляемость отметок: у ${rng.int(3, 8)} обучающихся менее трёх отметок за период.`,
        'Проведён опрос, отметки выставлены.',
      ],
      [`Не указано домашнее задание на уроках ${ru(from)} и ${ru(next)}.`, 'Домашнее задание внесено.'],
      [`Не отмечены отсутствующие на уроке ${ru(next)}.`, 'Исправлено.'],
      ['Журнал ведётся своевременно, замечаний нет.', null],
    ]);
    const resolvedDay = date + rng.int(1, 4);
    const answered = response !== null && resolvedDay < today && rng.chance(0.7);
    w.remark(
      c.id,
      assignmentId,
      iso(date),
      deputyId,
      text,
      answered ? response : null,
      answered ? stamp(resolvedDay, rng.int(800, 1000)) : null,
    );
  }
}
