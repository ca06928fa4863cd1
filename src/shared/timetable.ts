// Clashes of a timetable: the same teacher, the same room or the same class (or subgroup) twice at one
// weekday × lesson number. Pure, so the editor marks them while the admin types and the core checks the
// same rules when the timetable is saved.

export interface SlotEntry {
  /** A key that identifies the entry in the editor (the timetable row id, or a draft's own key). */
  key: string;
  weekday: number;
  lessonNumber: number;
  classId: number;
  className: string;
  subgroupId: number | null;
  teacherId: number;
  teacherName: string;
  room: string | null;
}

export interface Clash {
  kind: 'teacher' | 'room' | 'class';
  weekday: number;
  lessonNumber: number;
  /** The entries that collide, in the order given. */
  keys: string[];
  message: string;
}

export const weekdayNames = ['', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'] as const;
export const weekdayShort = ['', 'Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'] as const;

const normalRoom = (room: string | null) => (room ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const when = (e: SlotEntry) => `${weekdayNames[e.weekday] ?? e.weekday}, ${e.lessonNumber}-й урок`;

/** Two entries of one class collide unless they are two different subgroups of it (split lessons run side by side). */
const classCollides = (a: SlotEntry, b: SlotEntry) =>
  a.classId === b.classId && (a.subgroupId === null || b.subgroupId === null || a.subgroupId === b.subgroupId);

export function findClashes(entries: readonly SlotEntry[]): Clash[] {
  const bySlot = new Map<string, SlotEntry[]>();
  for (const e of entries) {
    const k = `${e.weekday}:${e.lessonNumber}`;
    const list = bySlot.get(k);
    if (list) list.push(e);
    else bySlot.set(k, [e]);
  }
  const clashes: Clash[] = [];
  for (const list of bySlot.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const group = (
      kind: Clash['kind'],
      keyOf: (e: SlotEntry) => string | null,
      describe: (same: SlotEntry[]) => string,
    ) => {
      const groups = new Map<string, SlotEntry[]>();
      for (const e of list) {
        const k = keyOf(e);
        if (k === null) continue;
        groups.set(k, [...(groups.get(k) ?? []), e]);
      }
      for (const same of groups.values()) {
        if (same.length > 1)
          clashes.push({
            kind,
            weekday: first.weekday,
            lessonNumber: first.lessonNumber,
            keys: same.map((e) => e.key),
            message: describe(same),
          });
      }
    };
    const classes = (same: SlotEntry[]) => [...new Set(same.map((e) => e.className))].join(', ');
    group(
      'teacher',
      (e) => String(e.teacherId),
      (same) => `${same[0]!.teacherName}: два урока одновременно (${when(first)}; ${classes(same)})`,
    );
    group(
      'room',
      (e) => (normalRoom(e.room) ? normalRoom(e.room) : null),
      (same) => `Кабинет ${same[0]!.room?.trim()} занят дважды (${when(first)}; ${classes(same)})`,
    );
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (classCollides(a, b)) {
          clashes.push({
            kind: 'class',
            weekday: a.weekday,
            lessonNumber: a.lessonNumber,
            keys: [a.key, b.key],
            message: `У ${a.className} два урока одновременно (${when(a)})`,
          });
        }
      }
    }
  }
  return clashes;
}
