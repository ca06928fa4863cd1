/** Everything one class book prints, loaded once per class (load.ts) and laid out by the page writers. */

export interface BookStudent {
  id: number;
  fullName: string;
  /** «Фамилия Имя», as the journal's list has it. */
  listName: string;
  birthDate: string | null;
  gender: 'm' | 'f' | null;
  personalFileNo: string | null;
  /** The pupil card's address and parents («Иванова Мария Петровна (мать)», then a phone a line): the class list only. */
  address: string | null;
  parents: string[];
  /** First and last day in the class (or subgroup) within the year: null when from the start / to the end. */
  arrived: string | null;
  left: string | null;
}

export interface BookLesson {
  id: number;
  date: string;
  lessonNumber: number;
  topic: string | null;
  homework: string | null;
  teacherName: string;
  isSubstitution: boolean;
  isControl: boolean;
}

export interface BookPeriod {
  id: number;
  name: string;
  /** «I», «II» … on the narrow period-mark column. */
  short: string;
  startDate: string;
  endDate: string;
}

/** One subject's journal, or one subgroup's: its own pages, students and lessons. */
export interface BookJournal {
  assignmentId: number;
  subjectId: number;
  subjectName: string;
  subgroupName: string | null;
  teacherName: string;
  students: BookStudent[];
  lessons: BookLesson[];
  /** «5», «5/4», «н» … by `${lessonId}:${studentId}`. */
  cells: Map<string, string>;
}

export interface ClassBook {
  schoolName: string;
  director: string;
  classId: number;
  className: string;
  grade: number;
  yearName: string;
  yearStart: string;
  yearEnd: string;
  classTeacher: string | null;
  periods: BookPeriod[];
  /** The whole class, in the order of the paper list: those from the start alphabetically, then arrivals. */
  students: BookStudent[];
  journals: BookJournal[];
  /** Subjects in the school's order, for the summary sheet. */
  subjects: { id: number; name: string; shortName: string }[];
  /** studentId → the orders («приказ № 45-у от 10.10.2025») that brought him into the class and took him out of it. */
  orders: Map<number, { arrived: string | null; left: string | null }>;
  /** subjectId → studentId → `p${periodId}` | 'year' | 'exam' | 'final' → value. */
  finalMarks: Map<number, Map<number, Map<string, string>>>;
  /** studentId → 'YYYY-MM' → [lessons missed, of them for illness]. */
  absencesByMonth: Map<number, Map<string, [number, number]>>;
  /** The deputy's remarks; `assignmentId` null for a remark on the journal as a whole. */
  remarks: { date: string; text: string; author: string; response: string | null; assignmentId: number | null }[];
}

export const cellKey = (lessonId: number, studentId: number) => `${lessonId}:${studentId}`;
