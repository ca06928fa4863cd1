import { useMemo } from 'react';
import type { JournalGrid } from '../../../../shared/contract';
import { stayNote } from '../../../../shared/stays';
import { dayMonth, monthAbbreviation, monthKey, monthName } from '../../../../shared/dates';
import { formatAverage, weightedAverage } from './average';

export type GridLesson = JournalGrid['lessons'][number];
export type WorkKind = JournalGrid['workKinds'][number];
export type GridStudent = JournalGrid['students'][number];
type Mark = JournalGrid['marks'][number];
type AbsenceCode = JournalGrid['absences'][number]['code'];

export interface MonthGroup {
  key: string;
  name: string;
  shortName: string;
  span: number;
}

export interface CellModel {
  lessonId: number;
  /** «5», «5/4», «н/а» */
  mark: string | null;
  workKind: WorkKind | null;
  absence: AbsenceCode | null;
  /** The student was not in the class (or subgroup) on this date. */
  outside: boolean;
}

export interface RowModel {
  student: GridStudent;
  /** «Иванов Иван»: the journal's page shows surname and name; the full name is the cell's title. */
  shownName: string;
  /** «прибыл 12.10», «выбыл с 03.11» (the date of the order: the stay's last day is the day before) */
  note: string | null;
  cells: CellModel[];
  average: string;
  periodMark: string | null;
  /** The period mark the school's rule suggests, and whether «н/а» is recommended. */
  suggestion: JournalGrid['suggestions'][number] | null;
}

export interface GridModel {
  /** The whole year's page: the final column holds the year marks. */
  yearScope: boolean;
  lessons: GridLesson[];
  months: MonthGroup[];
  rows: RowModel[];
  workKinds: WorkKind[];
  /** The work kinds that occur in the shown marks, for the legend. */
  usedWorkKinds: WorkKind[];
}

const pairKey = (studentId: number, lessonId: number) => `${studentId}:${lessonId}`;

export const markText = (m: Pick<Mark, 'value1' | 'value2'>) => (m.value2 ? `${m.value1}/${m.value2}` : m.value1);

function monthGroups(lessons: readonly GridLesson[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const lesson of lessons) {
    const key = monthKey(lesson.date);
    const last = groups.at(-1);
    if (last?.key === key) last.span += 1;
    else groups.push({ key, name: monthName(lesson.date), shortName: monthAbbreviation(lesson.date), span: 1 });
  }
  return groups;
}

const noteFor = (s: GridStudent) => stayNote(s.activeFrom, s.activeTo, dayMonth);

/** Turns the grid as the contract sends it into rows and cells ready to draw. */
export function buildGridModel(grid: JournalGrid): GridModel {
  const kinds = new Map(grid.workKinds.map((k) => [k.id, k]));
  const marks = new Map(grid.marks.map((m) => [pairKey(m.studentId, m.lessonId), m]));
  const absences = new Map(grid.absences.map((a) => [pairKey(a.studentId, a.lessonId), a.code]));
  const periodMarks = new Map(grid.periodMarks.map((p) => [p.studentId, p.value]));
  const suggestions = new Map(grid.suggestions.map((p) => [p.studentId, p]));
  const marksByStudent = new Map<number, Mark[]>();
  for (const m of grid.marks) {
    const list = marksByStudent.get(m.studentId);
    if (list) list.push(m);
    else marksByStudent.set(m.studentId, [m]);
  }
  const weightOf = (id: number) => kinds.get(id)?.weight ?? 1;

  const rows = grid.students.map((student): RowModel => {
    const cells = grid.lessons.map((lesson): CellModel => {
      const mark = marks.get(pairKey(student.id, lesson.id));
      return {
        lessonId: lesson.id,
        mark: mark ? markText(mark) : null,
        workKind: mark ? (kinds.get(mark.workKindId) ?? null) : null,
        absence: absences.get(pairKey(student.id, lesson.id)) ?? null,
        outside:
          (student.activeFrom !== null && lesson.date < student.activeFrom) ||
          (student.activeTo !== null && lesson.date > student.activeTo),
      };
    });
    return {
      student,
      shownName: student.fullName.split(' ').slice(0, 2).join(' '),
      note: noteFor(student),
      cells,
      average: formatAverage(weightedAverage(marksByStudent.get(student.id) ?? [], weightOf)),
      periodMark: periodMarks.get(student.id) ?? null,
      suggestion: suggestions.get(student.id) ?? null,
    };
  });

  const used = new Set(grid.marks.map((m) => m.workKindId));
  return {
    yearScope: grid.scope === 'year',
    lessons: grid.lessons,
    months: monthGroups(grid.lessons),
    rows,
    workKinds: grid.workKinds,
    usedWorkKinds: grid.workKinds.filter((k) => used.has(k.id)),
  };
}

export function useGrid(grid: JournalGrid | undefined): GridModel | null {
  return useMemo(() => (grid ? buildGridModel(grid) : null), [grid]);
}
