// The timetable being edited: the class's entries as the admin changes them, and what they clash with.
import type { ClassTimetable } from '../../../shared/contract';
import { findClashes, type Clash, type SlotEntry } from '../../../shared/timetable';

export interface DraftEntry {
  key: string;
  assignmentId: number;
  weekday: number;
  lessonNumber: number;
  room: string | null;
}

let counter = 0;
export const newKey = () => `draft-${++counter}`;

export const fromServer = (view: ClassTimetable): DraftEntry[] =>
  view.entries.map((e) => ({
    key: `row-${e.id}`,
    assignmentId: e.assignmentId,
    weekday: e.weekday,
    lessonNumber: e.lessonNumber,
    room: e.room,
  }));

/** The draft's clashes with itself and with every other class's lessons on the date. */
export function draftClashes(view: ClassTimetable, draft: readonly DraftEntry[]): Clash[] {
  const byId = new Map(view.assignments.map((a) => [a.id, a]));
  const mine: SlotEntry[] = draft.flatMap((d) => {
    const a = byId.get(d.assignmentId);
    if (!a) return [];
    return [
      {
        key: d.key,
        weekday: d.weekday,
        lessonNumber: d.lessonNumber,
        classId: view.classId,
        className: view.className,
        subgroupId: a.subgroupId,
        teacherId: a.teacherId,
        teacherName: a.teacherName,
        room: d.room,
      },
    ];
  });
  const keys = new Set(mine.map((m) => m.key));
  return findClashes([...view.others, ...mine]).filter((c) => c.keys.some((k) => keys.has(k)));
}

/** Same lessons in the same cells: nothing to save. */
export function sameWeek(a: readonly DraftEntry[], b: readonly DraftEntry[]): boolean {
  const norm = (list: readonly DraftEntry[]) =>
    list
      .map((d) => `${d.assignmentId}:${d.weekday}:${d.lessonNumber}:${(d.room ?? '').trim()}`)
      .sort()
      .join('|');
  return norm(a) === norm(b);
}
