// Students as cohorts that move up a grade each year: the 11th graders graduate, some 9th graders leave
// for colleges, new first graders arrive, and during the year a few students arrive or leave by order.
// A membership's start is its first day in the class and its end the last (inclusive, null: to the end of
// the year); a movement's date is the first day in the new situation (arrival: first day in class;
// departure: first day away, so the enrollment ends the day before).
import { subjects } from './curriculum';
import { day, type Day } from '../../shared/dates';
import { stamp, workday } from './dates';
import type { YearCalendar } from '../school/calendar/ministry';
import { compareNames, otherSchool, person, type Person } from './names';
import type { Rng } from './random';
import type { ClassSlot } from './staff';

export interface Profile {
  /** The student's usual mark (2.8 … 5). */
  ability: number;
  spread: number;
  frailty: number;
  laziness: number;
  /** A special medical group: «зач» in physical culture and no current marks there. */
  peExempt: boolean;
  /** Per subject (index into `subjects`): how much better or worse than usual. */
  offsets: Float64Array;
}

export interface StudentRec {
  id: number;
  person: Person;
  birth: Day;
  fileNo: string;
  profile: Profile;
  createdAt: string;
}

export interface Member {
  student: StudentRec;
  start: Day;
  end: Day | null;
  subgroup: 1 | 2;
  /** The order of a mid-year arrival, repeated on the subgroup membership. */
  order: string | null;
}

export interface MovementRec {
  student: StudentRec;
  cls: ClassSlot;
  kind: 'enrolled' | 'arrived' | 'left';
  date: Day;
  orderDate: Day;
  orderNumber: string;
  note: string | null;
}

export interface YearRoster {
  members: Map<string, Member[]>;
  movements: MovementRec[];
  /** Students first seen this year: to be inserted. */
  created: StudentRec[];
  /** 9th graders who leave after this year (with the 11th graders: «выпущен»). */
  leavers: Set<StudentRec>;
}

function profile(rng: Rng): Profile {
  const r = rng.next();
  const [ability, spread] =
    r < 0.1
      ? [4.75 + rng.next() * 0.25, 0.4]
      : r < 0.45
        ? [4.1 + rng.next() * 0.5, 0.6]
        : r < 0.87
          ? [3.4 + rng.next() * 0.6, 0.7]
          : [2.8 + rng.next() * 0.55, 0.75];
  const offsets = new Float64Array(subjects.length);
  for (let i = 0; i < offsets.length; i++) offsets[i] = rng.normal() * (ability > 4.7 ? 0.12 : 0.3);
  return {
    ability,
    spread,
    frailty: Math.exp(rng.normal() * 0.5),
    laziness: Math.exp(rng.normal() * 0.5) * (ability < 3.4 ? 2 : ability > 4.6 ? 0.5 : 1),
    peExempt: rng.chance(0.02),
    offsets,
  };
}

export class Cohorts {
  /** Next year's class key → the students who continue into it. */
  private carry = new Map<string, StudentRec[]>();
  private fileNo = 0;
  private orderNo = 0;

  constructor(
    private readonly classes: readonly ClassSlot[],
    private readonly size: number,
  ) {}

  private student(rng: Rng, grade: number, startYear: number, createdAt: string): StudentRec {
    const p = person(rng, rng.chance(0.5) ? 'm' : 'f');
    const birth = day(startYear - 5 - grade, 9, 1) - rng.int(180, 545);
    return {
      id: 0,
      person: p,
      birth,
      fileNo: `${p.lastName.charAt(0)}-${String(++this.fileNo).padStart(3, '0')}`,
      profile: profile(rng),
      createdAt,
    };
  }

  private order(): string {
    return `№ ${++this.orderNo}-у`;
  }

  year(yearIdx: number, cal: YearCalendar, days: (grade: number) => Day[], today: Day, rng: Rng): YearRoster {
    const members = new Map<string, Member[]>();
    const movements: MovementRec[] = [];
    const created: StudentRec[] = [];
    const leavers = new Set<StudentRec>();
    this.orderNo = rng.int(2, 9);
    const summer = cal.start - 10;

    for (const cls of this.classes) {
      const list: StudentRec[] = [];
      if (yearIdx === 0 || cls.grade === 1) {
        const enrolled = cls.grade === 1;
        const orderDate = workday(summer + rng.int(0, 6));
        const number = enrolled ? this.order() : '';
        for (let i = 0; i < this.size; i++) {
          const s = this.student(rng, cls.grade, cal.startYear, stamp(enrolled ? orderDate : cal.start - 7, 600 + i));
          list.push(s);
          if (enrolled)
            movements.push({
              student: s,
              cls,
              kind: 'enrolled',
              date: cal.start,
              orderDate,
              orderNumber: number,
              note: null,
            });
        }
      } else {
        list.push(...(this.carry.get(cls.key) ?? []));
        const wanted = this.size - rng.int(0, 1);
        while (list.length < wanted) {
          const orderDate = workday(summer + rng.int(0, 8));
          const s = this.student(rng, cls.grade, cal.startYear, stamp(orderDate, 660));
          list.push(s);
          movements.push({
            student: s,
            cls,
            kind: 'arrived',
            date: cal.start,
            orderDate,
            orderNumber: this.order(),
            note: `Прибыл(а) из ${otherSchool(rng)}`,
          });
        }
      }
      created.push(...list.filter((s) => s.id === 0));
      const sorted = [...list].sort((a, b) => compareNames(a.person, b.person));
      const half = Math.ceil(sorted.length / 2);
      members.set(
        cls.key,
        sorted.map((student, i) => ({ student, start: cal.start, end: null, subgroup: i < half ? 1 : 2, order: null })),
      );
    }

    // Mid-year: a few arrivals and departures (about 2 % of students each way a year), only on days past.
    const mid: MovementRec[] = [];
    const rate = 0.02 * this.size;
    for (const cls of this.classes) {
      const list = members.get(cls.key) ?? [];
      const window = days(cls.grade).filter((d) => d >= cal.start + 14 && d < cal.end - 14);
      if (window.length === 0) continue;
      for (let n = rng.poisson(rate); n > 0; n--) {
        const date = rng.pick(window);
        const candidates = list.filter((m) => m.start === cal.start && m.end === null);
        if (date >= today - 1 || candidates.length === 0) continue;
        const m = rng.pick(candidates);
        m.end = date - 1;
        mid.push({
          student: m.student,
          cls,
          kind: 'left',
          date,
          orderDate: workday(date - rng.int(0, 2)),
          orderNumber: '',
          note: `Выбыл(а) в ${otherSchool(rng)}`,
        });
      }
      for (let n = rng.poisson(rate); n > 0; n--) {
        const date = rng.pick(window);
        if (date >= today - 1) continue;
        const orderDate = workday(date - rng.int(0, 2));
        const s = this.student(rng, cls.grade, cal.startYear, stamp(orderDate, 630));
        created.push(s);
        const active = list.filter((m) => m.start <= date && (m.end === null || m.end >= date));
        const first = active.filter((m) => m.subgroup === 1).length;
        const member: Member = {
          student: s,
          start: date,
          end: null,
          subgroup: first <= active.length - first ? 1 : 2,
          order: null,
        };
        list.push(member);
        mid.push({
          student: s,
          cls,
          kind: 'arrived',
          date,
          orderDate,
          orderNumber: '',
          note: `Прибыл(а) из ${otherSchool(rng)}`,
        });
      }
    }
    mid.sort((a, b) => a.orderDate - b.orderDate || a.date - b.date);
    for (const m of mid) {
      m.orderNumber = this.order();
      const member = (members.get(m.cls.key) ?? []).find((x) => x.student === m.student);
      if (member && m.kind === 'arrived') member.order = m.orderNumber;
    }
    movements.push(...mid);

    for (const cls of this.classes) {
      if (cls.grade !== 9) continue;
      for (const m of members.get(cls.key) ?? []) if (m.end === null && rng.chance(0.2)) leavers.add(m.student);
    }
    return { members, movements, created, leavers };
  }

  /** Moves everyone who stayed to the end of the year one grade up. */
  advance(roster: YearRoster): void {
    this.carry.clear();
    for (const cls of this.classes) {
      if (cls.grade === 11) continue;
      const next = `${cls.grade + 1}${cls.letter}`;
      const staying = (roster.members.get(cls.key) ?? []).filter(
        (m) => m.end === null && !roster.leavers.has(m.student),
      );
      this.carry.set(
        next,
        staying.map((m) => m.student),
      );
    }
  }
}
