// One class's journal for one year, lesson by lesson from the timetable: topics, homework, who gave the
// lesson, absences (illness in runs of days, single «н», «оп» on the first lesson) and marks (about 0.3
// per student per lesson, each student near their own level; assessed works for most of the class).
// Past days are 'held'; today and later 'planned'. It also sums up what the period marks need.
import { bells, type SubjectDef, type WorkKindCode } from './curriculum';
import { iso, weekday, type Day } from '../../shared/dates';
import { minutesOf, stamp } from './dates';
import type { PeriodDef } from '../school/calendar/ministry';
import { homework } from './plans';
import { at, type Rng } from './random';
import type { Writers } from './sql';
import type { Member } from './students';

export interface KindInfo {
  id: number;
  weight: number;
}

export interface JAssignment {
  id: number;
  subject: SubjectDef;
  /** Index into `subjects` (for the student's subject offset). */
  subjectIdx: number;
  /** Index of the subject in this class's curriculum (for the sums). */
  local: number;
  teacherId: number;
  subgroup: number;
  hours: number;
  slots: ReadonlyArray<{ weekday: number; number: number }>;
  topics: ReadonlyArray<{ id: number; title: string; kind: WorkKindCode | null; hours: number }>;
}

export interface JournalInput {
  w: Writers;
  rng: Rng;
  grade: number;
  today: Day;
  days: readonly Day[];
  periods: readonly PeriodDef[];
  members: readonly Member[];
  assignments: readonly JAssignment[];
  subjectCount: number;
  kinds: ReadonlyMap<WorkKindCode, KindInfo>;
  /** A free teacher's user id for a substitution, or null. */
  substitute: (d: Day, weekday: number, number: number, a: JAssignment) => number | null;
  createdAt: string;
}

/** Sums per member × subject × period: Σ value·weight, Σ weight, marks, lessons, lessons missed. */
export const fields = 5;
export const accIndex = (member: number, subject: number, period: number, subjects: number, periods: number) =>
  ((member * subjects + subject) * periods + period) * fields;

export interface JournalResult {
  lessons: number;
  marks: number;
  absences: number;
  acc: Float64Array;
}

const assessed = new Set<WorkKindCode>(['control', 'lab', 'practical', 'dictation']);
const starts = bells.map(([s]) => minutesOf(s));
const ends = bells.map(([, e]) => minutesOf(e));
const add = (a: Float64Array, i: number, v: number) => {
  a[i] = (a[i] ?? 0) + v;
};

function markValue(m: Member, a: JAssignment, shift: number, rng: Rng): number {
  const p = m.student.profile;
  const x = p.ability + (p.offsets[a.subjectIdx] ?? 0) + p.spread * rng.normal() + shift;
  return Math.min(5, Math.max(2, Math.round(x)));
}

const shifts: Record<WorkKindCode, number> = {
  lesson: 0.15,
  homework: 0.1,
  independent: -0.1,
  check: -0.1,
  control: -0.25,
  dictation: -0.2,
  lab: 0.1,
  practical: 0.1,
};

export function writeJournal(input: JournalInput): JournalResult {
  const { w, rng, grade, today, days, periods, members, assignments, kinds } = input;
  const P = periods.length;
  const S = input.subjectCount;
  const acc = new Float64Array(members.length * S * P * fields);
  const kind = (code: WorkKindCode) => {
    const k = kinds.get(code);
    if (!k) throw new Error(`demo: no work kind ${code}`);
    return k;
  };
  const byWeekday: Array<Array<{ number: number; a: JAssignment }>> = Array.from({ length: 7 }, () => []);
  for (const a of assignments) for (const s of a.slots) byWeekday[s.weekday]?.push({ number: s.number, a });
  for (const list of byWeekday) list.sort((x, y) => x.number - y.number || x.a.id - y.a.id);
  // Each plan hour → its topic, so the k-th lesson of an assignment takes the k-th hour of its plan.
  const hourTopic = new Map<JAssignment, number[]>();
  for (const a of assignments)
    hourTopic.set(
      a,
      a.topics.flatMap((t, i) => Array<number>(t.hours).fill(i)),
    );
  const ordinal = new Map<JAssignment, number>();
  const sickLeft = new Int32Array(members.length);
  const dayCode = new Array<string | null>(members.length).fill(null);
  const fromNumber = new Int32Array(members.length);
  const active: number[] = [];
  const result: JournalResult = { lessons: 0, marks: 0, absences: 0, acc };

  let periodIdx = 0;
  for (const d of days) {
    while (periodIdx < P - 1 && d > at(periods, periodIdx).end) periodIdx++;
    const held = d < today;
    const wd = weekday(d);
    const todays = byWeekday[wd] ?? [];
    if (todays.length === 0) continue;
    const firstNumber = at(todays, 0).number;

    active.length = 0;
    members.forEach((m, i) => {
      if (m.start > d || (m.end !== null && m.end < d)) return;
      active.push(i);
      if (!held) return;
      const p = m.student.profile;
      dayCode[i] = null;
      fromNumber[i] = 99;
      if ((sickLeft[i] ?? 0) > 0) dayCode[i] = 'б';
      else if (rng.chance(0.0095 * p.frailty)) {
        sickLeft[i] = rng.int(2, 7);
        dayCode[i] = 'б';
      } else if (rng.chance(0.003)) dayCode[i] = 'у';
      else if (rng.chance(0.008)) fromNumber[i] = firstNumber + rng.int(2, 4);
    });

    for (const { number, a } of todays) {
      const k = ordinal.get(a) ?? 0;
      ordinal.set(a, k + 1);
      const hour = hourTopic.get(a)?.[k];
      const topic = hour === undefined ? undefined : a.topics[hour];
      const graded = grade >= 2 && a.subject.graded;
      let code: WorkKindCode = topic?.kind ?? 'lesson';
      if (held && code === 'lesson' && graded)
        code = rng.chance(0.08) ? 'independent' : rng.chance(0.045) ? 'check' : 'lesson';
      const title = topic?.title ?? 'Повторение и обобщение изученного';
      if (!held) {
        w.lesson(
          a.id,
          iso(d),
          number,
          title,
          null,
          kind(code).id,
          topic?.id ?? null,
          a.teacherId,
          'planned',
          null,
          null,
          null,
          input.createdAt,
        );
        result.lessons++;
        continue;
      }
      const given = rng.chance(0.015) ? (input.substitute(d, wd, number, a) ?? a.teacherId) : a.teacherId;
      const end = at(ends, number - 1);
      const unfilled = d >= today - 14 && code === 'lesson' && rng.chance(0.02);
      let entered: string | null = null;
      if (!unfilled) {
        const r = rng.next();
        entered =
          r < 0.02 && d + 1 < today
            ? stamp(d + 1, rng.int(480, 960))
            : r < 0.05
              ? stamp(d, rng.int(1030, 1260))
              : stamp(d, Math.min(end + rng.int(2, 200), 1010), rng.int(0, 59));
      }
      const hw = !unfilled && grade >= 2 && rng.chance(0.92) ? homework(a.subject.homework, k, rng) : null;
      const lessonId = w.lesson(
        a.id,
        iso(d),
        number,
        unfilled ? null : title,
        hw,
        kind(code).id,
        topic?.id ?? null,
        given,
        'held',
        entered,
        hw === null ? null : entered,
        entered,
        input.createdAt,
      );
      result.lessons++;

      const present: number[] = [];
      for (const i of active) {
        const m = at(members, i);
        if (a.subgroup !== 0 && m.subgroup !== a.subgroup) continue;
        const base = accIndex(i, a.local, periodIdx, S, P);
        add(acc, base + 3, 1);
        const lazy = m.student.profile.laziness;
        let absence = dayCode[i] ?? (number >= (fromNumber[i] ?? 99) ? (rng.chance(0.5) ? 'у' : 'б') : null);
        if (absence === null) {
          if (rng.chance(0.007 * lazy)) absence = 'н';
          else if (number === firstNumber && rng.chance(0.025 * lazy)) absence = 'оп';
          else if (rng.chance(0.002)) absence = 'у';
        }
        if (absence === null) {
          present.push(i);
          continue;
        }
        w.absence(
          lessonId,
          m.student.id,
          absence,
          stamp(d, at(starts, number - 1) + rng.int(3, 15), rng.int(0, 59)),
          given,
        );
        result.absences++;
        add(acc, base + 4, 1);
      }
      if (!graded) continue;
      const markable =
        a.subject.key === 'pe' ? present.filter((i) => !at(members, i).student.profile.peExempt) : present;
      let chosen: number[];
      let markDay = d;
      if (assessed.has(code)) {
        markDay = d + (rng.chance(0.05) ? rng.int(8, 11) : rng.int(0, 4));
        // Nearly everyone present is marked for a test; the odd one left over is what the control report should find.
        chosen = markDay < today ? markable.filter(() => rng.chance(0.995)) : [];
      } else if (code === 'independent' || code === 'check') {
        chosen = markable.filter(() => rng.chance(0.6));
      } else {
        const rate = a.hours >= 4 ? 0.2 : a.hours === 3 ? 0.23 : a.hours === 2 ? 0.3 : 0.45;
        const n = Math.floor(markable.length * rate + rng.next());
        const keyed = markable.map((i) => ({
          i,
          key: (acc[accIndex(i, a.local, periodIdx, S, P) + 2] ?? 0) + rng.next() * 0.9,
        }));
        chosen = keyed
          .sort((x, y) => x.key - y.key)
          .slice(0, n)
          .map((x) => x.i);
      }
      for (const i of chosen) {
        const m = at(members, i);
        const markCode: WorkKindCode = code === 'lesson' && rng.chance(0.15) ? 'homework' : code;
        const info = kind(markCode);
        const v1 = markValue(m, a, shifts[markCode], rng);
        const v2 =
          markCode === 'dictation' && rng.chance(0.8)
            ? Math.min(5, Math.max(2, v1 + rng.pick([-1, -1, 0, 0, 1])))
            : null;
        let at_: string;
        if (markDay !== d) at_ = stamp(markDay, rng.int(900, 1200), rng.int(0, 59));
        else if (d + 1 < today && rng.chance(0.03)) at_ = stamp(d + 1, rng.int(480, 1000), rng.int(0, 59));
        else at_ = stamp(d, Math.min(end + rng.int(1, 240), 1290), rng.int(0, 59));
        w.mark(lessonId, m.student.id, String(v1), v2 === null ? null : String(v2), info.id, at_, given);
        result.marks++;
        const base = accIndex(i, a.local, periodIdx, S, P);
        add(acc, base, (v1 + (v2 ?? 0)) * info.weight);
        add(acc, base + 1, (v2 === null ? 1 : 2) * info.weight);
        add(acc, base + 2, 1);
      }
    }
    if (held) for (const i of active) if ((sickLeft[i] ?? 0) > 0) sickLeft[i] = (sickLeft[i] ?? 0) - 1;
  }
  return result;
}
