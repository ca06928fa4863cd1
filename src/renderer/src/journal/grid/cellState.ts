import type { AbsenceCode, JournalGrid, MarkValue, PeriodMarkValue } from '../../../../shared/contract';
import type { CellEntry } from './cellInput';

export interface MarkPair {
  value1: MarkValue;
  value2: MarkValue | null;
}

/** What one lesson cell holds: a mark (or two) and an absence code; «оп» may stand beside a mark. */
export interface LessonCell {
  mark: MarkPair | null;
  absence: AbsenceCode | null;
}

export type CellAddress = { studentId: number; lessonId: number } | { studentId: number; periodId: number };
export type CellValue = LessonCell | PeriodMarkValue | null;

export const isLessonAddress = (a: CellAddress): a is { studentId: number; lessonId: number } => 'lessonId' in a;

/** A whole-lesson absence: no mark may stand beside it. */
export const missesLesson = (code: AbsenceCode | null) => code === 'н' || code === 'б' || code === 'у';

export function readLessonCell(grid: JournalGrid, studentId: number, lessonId: number): LessonCell {
  const mark = grid.marks.find((m) => m.studentId === studentId && m.lessonId === lessonId);
  const absence = grid.absences.find((a) => a.studentId === studentId && a.lessonId === lessonId);
  return { mark: mark ? { value1: mark.value1, value2: mark.value2 } : null, absence: absence?.code ?? null };
}

export function readCell(grid: JournalGrid, address: CellAddress): CellValue {
  if (isLessonAddress(address)) return readLessonCell(grid, address.studentId, address.lessonId);
  return grid.periodMarks.find((p) => p.studentId === address.studentId)?.value ?? null;
}

/** What the cell should hold after the teacher typed an entry: a mark replaces a whole-lesson absence, and back. */
export function targetOf(entry: CellEntry, current: LessonCell): LessonCell {
  if (entry.kind === 'clear') return { mark: null, absence: null };
  if (entry.kind === 'mark')
    return { mark: { value1: entry.value1, value2: entry.value2 }, absence: current.absence === 'оп' ? 'оп' : null };
  return { mark: missesLesson(entry.code) ? null : current.mark, absence: entry.code };
}

const sameMark = (a: MarkPair | null, b: MarkPair | null) =>
  a === null || b === null ? a === b : a.value1 === b.value1 && a.value2 === b.value2;
export const sameCell = (a: CellValue, b: CellValue) =>
  typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
    ? sameMark(a.mark, b.mark) && a.absence === b.absence
    : a === b;

export type Step =
  { call: 'clearMark' } | { call: 'setAbsence'; code: AbsenceCode | null } | { call: 'setMark'; mark: MarkPair };

/** The calls that turn one cell into another, in an order the journal's rules accept: clear first, then set. */
export function stepsBetween(current: LessonCell, target: LessonCell): Step[] {
  const steps: Step[] = [];
  const markChanged = !sameMark(current.mark, target.mark);
  if (markChanged && !target.mark && current.mark) steps.push({ call: 'clearMark' });
  if (current.absence !== target.absence) steps.push({ call: 'setAbsence', code: target.absence });
  if (markChanged && target.mark) steps.push({ call: 'setMark', mark: target.mark });
  return steps;
}

/** The grid with one cell changed: shown at once, before the database answers. */
export function withCell(grid: JournalGrid, address: CellAddress, value: CellValue): JournalGrid {
  const { studentId } = address;
  if (!isLessonAddress(address)) {
    const rest = grid.periodMarks.filter((p) => p.studentId !== studentId);
    return { ...grid, periodMarks: typeof value === 'string' ? [...rest, { studentId, value }] : rest };
  }
  const { lessonId } = address;
  const cell = value as LessonCell;
  const other = <T extends { studentId: number; lessonId: number }>(x: T) =>
    !(x.studentId === studentId && x.lessonId === lessonId);
  const lesson = grid.lessons.find((l) => l.id === lessonId);
  const previous = grid.marks.find((m) => !other(m));
  const marks = grid.marks.filter(other);
  if (cell.mark)
    marks.push({
      lessonId,
      studentId,
      ...cell.mark,
      workKindId: previous?.workKindId ?? lesson?.workKindId ?? grid.workKinds[0]?.id ?? 1,
    });
  const absences = grid.absences.filter(other);
  if (cell.absence) absences.push({ lessonId, studentId, code: cell.absence });
  return { ...grid, marks, absences };
}

/** «5/4», «н», «оп 4» — how a cell reads when copied. */
export function cellText(value: CellValue): string {
  if (value === null || typeof value === 'string') return value ?? '';
  const mark = value.mark ? (value.mark.value2 ? `${value.mark.value1}/${value.mark.value2}` : value.mark.value1) : '';
  return [value.absence, mark].filter(Boolean).join(' ');
}
