// «Нагрузка» proposes the teachers a teachers' list said teach the subject: they come first in the list and
// the first of them is chosen when the subject is. A hint only: any active teacher may still be chosen.
import type { StructureOverview } from '../../../shared/contract';

type Teacher = StructureOverview['teachers'][number];

export function teacherOptions(teachers: readonly Teacher[], subjectId: number) {
  const active = teachers.filter((t) => t.isActive);
  const item = (t: Teacher) => ({ value: String(t.id), label: t.name });
  const teaching = active.filter((t) => t.subjectIds.includes(subjectId)).map(item);
  if (teaching.length === 0) return active.map(item);
  return [
    { group: 'Ведут этот предмет', items: teaching },
    { group: 'Другие учителя', items: active.filter((t) => !t.subjectIds.includes(subjectId)).map(item) },
  ];
}

/** The teacher for a subject: the current one if they teach it, else the first who does, else the current one. */
export function proposedTeacher(teachers: readonly Teacher[], subjectId: number, current: number | undefined): number {
  const active = teachers.filter((t) => t.isActive);
  const keep = active.find((t) => t.id === current);
  if (keep?.subjectIds.includes(subjectId)) return keep.id;
  return active.find((t) => t.subjectIds.includes(subjectId))?.id ?? keep?.id ?? active[0]?.id ?? 0;
}
