// Period, year, exam and final marks, and the year's outcome, from the sums the journal collected:
// the weighted average rounded half up; «н/а» for fewer than 3 marks with more than half the lessons
// missed (or no marks at all); «зач» for the ungraded courses and the special medical group in PE.
import type { SubjectDef } from './curriculum';
import { day, iso, type Day } from '../../shared/dates';
import { stamp } from './dates';
import type { PeriodDef, YearCalendar } from '../school/calendar/ministry';
import { accIndex, type JAssignment } from './journal';
import type { Rng } from './random';
import type { Writers } from './sql';
import type { Member, StudentRec } from './students';

export interface LocalSubject {
  def: SubjectDef;
  subjectId: number;
  subjectIdx: number;
  local: number;
  assignments: readonly JAssignment[];
}

export interface Order {
  number: string;
  date: Day;
}

export interface FinalsInput {
  w: Writers;
  rng: Rng;
  grade: number;
  yearId: number;
  today: Day;
  cal: YearCalendar;
  periods: ReadonlyArray<{ id: number; def: PeriodDef }>;
  members: readonly Member[];
  subjects: readonly LocalSubject[];
  acc: Float64Array;
  leavers: ReadonlySet<StudentRec>;
  orders: { promoted: Order; graduated: Order };
}

const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);

/** Writes the marks and outcomes; returns how many period_marks rows it wrote. */
export function writeFinals(input: FinalsInput): number {
  const { w, rng, grade, yearId, today, cal, periods, members, subjects, acc } = input;
  if (grade === 1 && !yearClosed(cal, today)) return 0;
  const S = subjects.length;
  const P = periods.length;
  const closed = yearClosed(cal, today);
  const lastEnd = periods.reduce((max, p) => Math.max(max, p.def.end), 0);
  const examDay = day(cal.startYear + 1, 6, 10);
  const exams = closed && (grade === 9 || grade === 11) && today > examDay + 10;
  let written = 0;

  members.forEach((m, i) => {
    const yearMarks: string[] = [];
    if (grade >= 2) {
      for (const subject of subjects) {
        const a = subject.assignments.find((x) => x.subgroup === 0 || x.subgroup === m.subgroup);
        if (!a) continue;
        const values: string[] = [];
        periods.forEach((p, pi) => {
          if (p.def.end >= today || m.start > p.def.end || (m.end !== null && m.end < p.def.end)) return;
          const value = periodValue(m, subject, acc, accIndex(i, subject.local, pi, S, P));
          values.push(value);
          w.periodMark(
            m.student.id,
            subject.subjectId,
            yearId,
            'period',
            p.id,
            value,
            a.id,
            stamp(p.def.end - rng.int(0, 2), rng.int(840, 1080), rng.int(0, 59)),
            a.teacherId,
          );
          written++;
        });
        if (!closed || m.end !== null || values.length === 0) continue;
        const year = yearValue(values);
        yearMarks.push(year);
        w.periodMark(
          m.student.id,
          subject.subjectId,
          yearId,
          'year',
          null,
          year,
          a.id,
          stamp(lastEnd, rng.int(900, 1080), rng.int(0, 59)),
          a.teacherId,
        );
        written++;
        if (exams && (subject.def.key === 'rus' || subject.def.key === 'alg')) {
          const p = m.student.profile;
          const exam = Math.min(
            5,
            Math.max(3, Math.round(p.ability + (p.offsets[subject.subjectIdx] ?? 0) + 0.6 * rng.normal())),
          );
          const final = /^\d$/.test(year) ? String(roundHalfUp((Number(year) + exam) / 2)) : String(exam);
          w.periodMark(
            m.student.id,
            subject.subjectId,
            yearId,
            'exam',
            null,
            String(exam),
            a.id,
            stamp(examDay, rng.int(600, 900)),
            a.teacherId,
          );
          w.periodMark(
            m.student.id,
            subject.subjectId,
            yearId,
            'final',
            null,
            final,
            a.id,
            stamp(examDay + 10, rng.int(600, 900)),
            a.teacherId,
          );
          written += 2;
        }
      }
    }
    if (!closed || m.end !== null) return;
    const graduates = grade === 11 || (grade === 9 && input.leavers.has(m.student));
    const order = graduates ? input.orders.graduated : input.orders.promoted;
    if (order.date >= today) return;
    const outcome = graduates
      ? 'graduated'
      : yearMarks.some((v) => v === '2' || v === 'н/а')
        ? 'conditional'
        : 'promoted';
    w.outcome(m.student.id, yearId, outcome, order.number, iso(order.date));
  });
  return written;
}

export function yearClosed(cal: YearCalendar, today: Day): boolean {
  return today > cal.end;
}

function periodValue(m: Member, subject: LocalSubject, acc: Float64Array, base: number): string {
  if (!subject.def.graded || (subject.def.key === 'pe' && m.student.profile.peExempt)) return 'зач';
  const sum = acc[base] ?? 0;
  const weight = acc[base + 1] ?? 0;
  const count = acc[base + 2] ?? 0;
  const lessons = acc[base + 3] ?? 0;
  const missed = acc[base + 4] ?? 0;
  if (count === 0 || weight === 0 || (count < 3 && missed > lessons / 2)) return 'н/а';
  return String(roundHalfUp(sum / weight));
}

function yearValue(values: readonly string[]): string {
  if (values.every((v) => v === 'зач')) return 'зач';
  const numbers = values.filter((v) => /^\d$/.test(v)).map(Number);
  if (numbers.length === 0) return 'н/а';
  return String(roundHalfUp(numbers.reduce((a, b) => a + b, 0) / numbers.length));
}
