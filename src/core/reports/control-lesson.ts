// One lesson against the school's rules for filling the journal: the findings the control report lists for it,
// each as the Russian line the deputy reads, and the counters of its journal's row they add to.
import { addDays, ruDate } from '../../shared/dates';
import type { ControlLesson, LateEntries, MarkingProgress } from './control-facts';

export type LessonCounter =
  | 'noTopic'
  | 'noHomework'
  | 'late'
  | 'lateEntries'
  | 'noAttendance'
  | 'notRussian'
  | 'controlWorks'
  | 'overdueControl'
  | 'unrecordedSubstitutions';

export interface LessonContext {
  /** «17:00» or «21:00»: the end of the lesson's day for entries, by the class's shift. */
  limit: string;
  /** Grades 2–11: homework and marks are kept. */
  graded: boolean;
  today: string;
  late?: LateEntries | undefined;
  marking?: MarkingProgress | undefined;
}

const blank = (s: string | null) => s === null || s.trim() === '';
/** The journal is kept in Russian, foreign-language lessons included; «§ 5, № 12» has no letters and passes. */
export const notRussian = (s: string | null) => s !== null && /\p{L}/u.test(s) && !/[А-Яа-яЁё]/.test(s);

const hoursBetween = (from: string, to: string) =>
  (Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`)) / 3_600_000;

/** How late, in words: «40 мин», «3 ч 5 мин», «2 дн. 4 ч». */
export function lateness(hours: number): string {
  const minutes = Math.max(1, Math.round(hours * 60));
  if (minutes < 60) return `${minutes} мин`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} ч${minutes % 60 ? ` ${minutes % 60} мин` : ''}`;
  const h = Math.round(minutes / 60);
  return `${Math.floor(h / 24)} дн.${h % 24 ? ` ${h % 24} ч` : ''}`;
}

const quote = (s: string) => `«${s.length > 40 ? `${s.slice(0, 39)}…` : s}»`;

export function lessonFindings(l: ControlLesson, c: LessonContext) {
  const lines: string[] = [];
  const counts = new Set<LessonCounter>();
  const flag = (counter: LessonCounter, line: string) => {
    counts.add(counter);
    lines.push(line);
  };
  const past = l.date < c.today;
  const due = `${l.date} ${c.limit}:00`;
  // A lesson is known to be held by its register, a mark or an absence, or the teacher's «проведён».
  const heldAt = [l.attendanceTakenAt, l.firstMarkAt, l.firstAbsenceAt].filter((t) => t !== null).sort()[0] ?? null;
  const held = l.status === 'held' || heldAt !== null;
  // A topic the КТП put there, or one put in before the lesson's day, counts only once the lesson is held.
  const inAdvance = l.topicEnteredAt !== null && l.topicEnteredAt.slice(0, 10) < l.date;
  const unproven = !blank(l.topic) && (l.fromPlan === 1 || inAdvance) && past && !held;

  if (blank(l.topic)) flag('noTopic', 'нет темы');
  else if (unproven)
    flag('noTopic', `тема ${l.fromPlan === 1 ? 'из КТП' : 'внесена заранее'}, а урок не отмечен проведённым`);
  if (c.graded && blank(l.homework)) flag('noHomework', 'нет домашнего задания');

  const topicAt = unproven ? null : inAdvance ? heldAt : l.topicEnteredAt;
  const lateTopic = topicAt !== null && topicAt > due ? hoursBetween(due, topicAt) : 0;
  const lateHomework =
    l.homeworkEnteredAt !== null && l.homeworkEnteredAt > due ? hoursBetween(due, l.homeworkEnteredAt) : 0;
  if (lateTopic > 0 && inAdvance)
    flag('late', `тема внесена заранее, а урок отмечен проведённым позже ${c.limit} на ${lateness(lateTopic)}`);
  else if (lateTopic > 0 || lateHomework > 0)
    flag(
      'late',
      `${lateTopic > 0 && lateHomework > 0 ? 'тема и д/з записаны' : lateTopic > 0 ? 'тема записана' : 'д/з записано'} позже ${c.limit} на ${lateness(Math.max(lateTopic, lateHomework))}`,
    );

  if (c.late) {
    const what = [
      c.late.marks > 0 ? `отметок — ${c.late.marks}` : null,
      c.late.absences > 0 ? `пропусков — ${c.late.absences}` : null,
    ].filter((s) => s !== null);
    flag('lateEntries', `внесено позже срока: ${what.join(', ')}; самое позднее — на ${lateness(c.late.hoursLate)}`);
  }
  if (past && l.attendanceTakenAt === null && l.firstAbsenceAt === null)
    flag('noAttendance', 'посещаемость не отмечена');

  if (notRussian(l.topic)) flag('notRussian', `тема не на русском языке: ${quote(l.topic!)}`);
  if (c.graded && notRussian(l.homework)) flag('notRussian', `д/з не на русском языке: ${quote(l.homework!)}`);

  if (c.graded && l.markingDays !== null) {
    counts.add('controlWorks');
    const dueDate = addDays(l.date, l.markingDays);
    const m = c.marking ?? { present: 0, marked: 0, onTime: 0, lastMarkAt: null };
    const missing = dueDate < c.today ? m.present - m.marked : 0;
    const lateMarked = m.marked - m.onTime;
    const faults = [
      missing > 0 ? `нет отметки у ${missing} из ${m.present} присутствовавших` : null,
      lateMarked > 0 && m.lastMarkAt !== null
        ? `у ${lateMarked} из ${m.present} отметки выставлены позже, последняя — на ${lateness(hoursBetween(`${addDays(dueDate, 1)} 00:00:00`, m.lastMarkAt))}`
        : null,
    ].filter((s) => s !== null);
    if (faults.length > 0)
      flag(
        'overdueControl',
        `${l.kindName} (срок проверки ${l.markingDays} дн., до ${ruDate(dueDate)}): ${faults.join(', ')}`,
      );
  }
  if (l.unrecordedBy !== null) flag('unrecordedSubstitutions', `провёл ${l.unrecordedBy}, замена не записана`);
  return { lines, counts };
}
