import { z } from 'zod';

const id = z.number().int().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a committed write changed — a domain and the ids a screen needs to know whether it shows it, never the
 * data: a screen that shows it asks again through the contract, with its own permissions.
 */
export const changeEvent = z.discriminatedUnion('domain', [
  /** A mark of one lesson's column set or cleared. */
  z.object({ domain: z.literal('marks'), classId: id, assignmentId: id, lessonId: id }),
  /** An absence typed in one lesson's column. */
  z.object({ domain: z.literal('absences'), classId: id, assignmentId: id, lessonId: id, date }),
  /** The class teacher's check of a class's attendance (reasons, the week confirmed) from `date` on. */
  z.object({ domain: z.literal('attendance'), classId: id, date }),
  /** A lesson's topic, homework, kind of work, status or place in the timetable; a lesson added. */
  z.object({ domain: z.literal('lessons'), classId: id, assignmentId: id }),
  z.object({ domain: z.literal('periodMarks'), classId: id, assignmentId: id }),
  z.object({ domain: z.literal('plans'), classId: id, assignmentId: id }),
  /** The deputy's remarks on a journal: written, marked done, confirmed or reopened. */
  z.object({ domain: z.literal('remarks'), classId: id, assignmentId: id }),
  /** A journal check saved by the deputy. */
  z.object({ domain: z.literal('checks') }),
  z.object({ domain: z.literal('periodLocks') }),
  /** The school's shape: classes, subjects, timetable, calendar, students' movement, the year. */
  z.object({ domain: z.literal('school') }),
  z.object({ domain: z.literal('users') }),
  z.object({ domain: z.literal('backup') }),
  z.object({ domain: z.literal('network') }),
  z.object({ domain: z.literal('retention') }),
  /** The whole database changed under every screen (a restore). */
  z.object({ domain: z.literal('everything') }),
]);
export type ChangeEvent = z.infer<typeof changeEvent>;
export type ChangeDomain = ChangeEvent['domain'];

/**
 * What a change stream tells its subscriber, whichever way it arrives (a browser's EventSource, or the desktop
 * client's main process forwarding the server's stream through the preload): connected, a change, the session
 * ended or locked, or the connection lost (changes may have been missed until the next `open`); `unreachable`
 * when a new connection could not reach the server at all, which the «нет связи» notice shows.
 */
export type LiveMessage =
  { type: 'open' } | { type: 'change'; event: ChangeEvent } | { type: 'end' } | { type: 'lost'; unreachable?: boolean };
