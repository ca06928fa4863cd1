import { z } from 'zod';
import { parseDay } from '../dates';
import { text } from './text';

export * from './text';

/** Whether `YYYY-MM-DD` names a day that exists: 2025-02-30 does not (Date would roll it over to 2 March). */
export const isRealDate = (s: string): boolean => parseDay(s) !== null;

/** `YYYY-MM-DD`, a real calendar date between 1900 and 2100 (birth dates of the staff to the journals kept). */
export const isoDate = z
  .string()
  .max(10, 'Дата должна быть в формате ГГГГ-ММ-ДД')
  .regex(/^(19|20)\d{2}-\d{2}-\d{2}$|^2100-\d{2}-\d{2}$/, 'Дата должна быть в формате ГГГГ-ММ-ДД, год от 1900 до 2100')
  .refine(isRealDate, 'Такой даты нет в календаре');

/** A row's id: a positive whole number (a negative, zero, fractional or unsafe number never reaches SQL). */
/** The caller's own password again, for a change a session alone must not make (Channel.stepUp). */
export const stepUpPassword = z.string({ error: 'Введите свой пароль' }).min(1, 'Введите свой пароль').max(256);

export const entityId = z
  .number({ error: 'Ожидается номер записи' })
  .int('Номер записи — целое число')
  .positive('Номер записи больше нуля')
  .max(Number.MAX_SAFE_INTEGER);

/**
 * Where a line of a report or a list leads: a journal (its page for the period) and what the line names it by.
 * Screens link each such line to the journal page.
 */
export const journalLink = {
  assignmentId: entityId,
  /** The period of the journal page the line leads to. */
  periodId: entityId.nullable(),
  className: z.string(),
  subjectName: z.string(),
};
/** A journal line that names its subgroup and teacher as well. */
export const journalLine = { ...journalLink, subgroupName: z.string().nullable(), teacherName: z.string() };
/** A line about one lesson of a journal. */
export const lessonLine = { lessonId: entityId, ...journalLink, date: isoDate };

export const markValue = z.enum(['1', '2', '3', '4', '5', 'н/а']);
/** Why «н/а» typed as a lesson's mark is refused, in the core and on the grid alike (seed 004, 6.5). */
export const notCurrentMark = '«н/а» — не текущая отметка: её ставят только за период или год';

/**
 * Why a lesson takes no mark or absence: one not held, or one still ahead (the book prints marks and absences on
 * the lessons given). Null: it takes them. The grid answers in the cell with the core's own words.
 */
export function lessonRefusal(
  lesson: { status: string; date: string },
  today: string,
  entry: 'mark' | 'absence',
): string | null {
  const what = entry === 'mark' ? 'поставить отметку' : 'отметить пропуск';
  if (lesson.status === 'not_held') return `Урок отмечен как не проведённый: ${what} нельзя`;
  if (lesson.date > today) return `Урок ещё не прошёл: ${what} нельзя`;
  return null;
}
export const absenceCode = z.enum(['н', 'б', 'у', 'оп']);
export const periodMarkValue = z.enum(['1', '2', '3', '4', '5', 'н/а', 'зач', 'незач', 'осв']);
export const demoTier = z.enum(['small', 'typical', 'large']);
export type DemoTier = z.infer<typeof demoTier>;
export type MarkValue = z.infer<typeof markValue>;
export type AbsenceCode = z.infer<typeof absenceCode>;

/** Why a change is made in a closed period; also accepted (and audited) when the period is open. */
export const correctionReason = text(500, { min: 5, tooShort: 'Причина исправления: не короче 5 символов' }).optional();
export type PeriodMarkValue = z.infer<typeof periodMarkValue>;

/** A login: lowercase Latin letters, digits, dots and hyphens, so it is typed the same on every keyboard layout. */
export const loginName = z
  .string()
  .trim()
  .max(32, 'Логин: от 3 до 32 латинских букв, цифр, точек, дефисов')
  .regex(/^[a-z0-9._-]{3,32}$/, 'Логин: от 3 до 32 латинских букв, цифр, точек, дефисов');
export const personName = text(100, { min: 1, tooShort: 'Заполните поле' });
