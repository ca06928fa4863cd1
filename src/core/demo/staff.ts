// The teaching staff: who teaches what in which class. The class structure is the same every year, so one
// plan serves all the years of history. Teachers come from specialties; small loads are combined, as in a
// real school (chemistry with biology, physics with informatics …), so that loads land at 18–30 hours.
import { curriculumOf, type SubjectKey } from './curriculum';
import { person, type Person } from './names';
import { at, type Rng } from './random';

export interface ClassSlot {
  grade: number;
  letter: string;
  letterIdx: number;
  /** «5А». */
  key: string;
}

interface Specialty {
  key: string;
  subjects: readonly SubjectKey[];
  from: number;
  to: number;
  perClass: boolean;
  maleShare: number;
}

const sp = (
  key: string,
  subjects: SubjectKey[],
  from: number,
  to: number,
  maleShare: number,
  perClass = false,
): Specialty => ({
  key,
  subjects,
  from,
  to,
  perClass,
  maleShare,
});

const specialties: readonly Specialty[] = [
  sp('primary', ['rus', 'litread', 'math', 'world', 'music', 'art', 'tech', 'orkse'], 1, 4, 0.05, true),
  sp('russian', ['rus', 'lit'], 5, 11, 0.1),
  sp('math', ['math', 'alg', 'geom', 'prob'], 5, 11, 0.25),
  sp('english', ['eng'], 2, 11, 0.1),
  sp('history', ['hist', 'soc', 'odnknr'], 5, 11, 0.3),
  sp('pe', ['pe'], 1, 11, 0.6),
  sp('chemistry', ['chem'], 5, 11, 0.2),
  sp('biology', ['bio'], 5, 11, 0.2),
  sp('geography', ['geo'], 5, 11, 0.3),
  sp('physics', ['phys', 'project'], 5, 11, 0.4),
  sp('informatics', ['inf'], 5, 11, 0.5),
  sp('obzr', ['obzr'], 5, 11, 0.8),
  sp('arts', ['music', 'art'], 5, 11, 0.2),
  sp('technology', ['tech'], 5, 11, 0.5),
];

interface Unit {
  cls: ClassSlot;
  spec: Specialty;
  subjects: Array<{ key: SubjectKey; hours: number }>;
  /** 0: the whole class; 1, 2: a subgroup. */
  subgroup: number;
  hours: number;
}

interface Slot {
  spec: Specialty;
  units: Unit[];
  load: number;
}

export interface StaffMember {
  idx: number;
  person: Person;
  login: string;
  specialties: string[];
  load: number;
  room: string;
  classTeacherOf: string | null;
}

/** One subject in one class; `teachers` has two entries (subgroups 1 and 2) when the class is split. */
export interface Teaching {
  cls: ClassSlot;
  subject: SubjectKey;
  hours: number;
  teachers: number[];
}

export interface StaffPlan {
  staff: StaffMember[];
  teachings: Teaching[];
  /** Class key → staff index of its class teacher. */
  classTeacher: Map<string, number>;
  uchitel: number;
  klruk: number;
}

function specialtyFor(subject: SubjectKey, grade: number): Specialty {
  const found = specialties.find((s) => s.subjects.includes(subject) && grade >= s.from && grade <= s.to);
  if (!found) throw new Error(`demo: nobody teaches ${subject} in grade ${grade}`);
  return found;
}

function buildUnits(classes: readonly ClassSlot[]): Unit[] {
  const units: Unit[] = [];
  for (const cls of classes) {
    const bundles = new Map<string, Unit>();
    for (const row of curriculumOf(cls.grade)) {
      const spec = specialtyFor(row.subject.key, cls.grade);
      const subjects = [{ key: row.subject.key, hours: row.hoursPerWeek }];
      if (row.split) {
        for (const subgroup of [1, 2]) units.push({ cls, spec, subjects, subgroup, hours: row.hoursPerWeek });
        continue;
      }
      const bundle = bundles.get(spec.key);
      if (bundle) {
        bundle.subjects.push(...subjects);
        bundle.hours += row.hoursPerWeek;
      } else {
        const unit: Unit = { cls, spec, subjects, subgroup: 0, hours: row.hoursPerWeek };
        bundles.set(spec.key, unit);
        units.push(unit);
      }
    }
  }
  return units;
}

/** Splits a specialty's units among its teachers, least-loaded first; the two subgroups of a class differ. */
function buildSlots(units: readonly Unit[]): Slot[] {
  const slots: Slot[] = [];
  for (const spec of specialties) {
    const mine = units.filter((u) => u.spec === spec);
    if (mine.length === 0) continue;
    if (spec.perClass) {
      for (const u of mine) slots.push({ spec, units: [u], load: u.hours });
      continue;
    }
    const total = mine.reduce((sum, u) => sum + u.hours, 0);
    const hasSplit = mine.some((u) => u.subgroup > 0);
    let count = Math.max(hasSplit ? 2 : 1, Math.round(total / 24));
    while (total / count > 30) count++;
    // Split lessons need two of these teachers at once: enough pairs to fit the class-hours in a week.
    if (hasSplit) count = Math.max(count, 2 * Math.ceil(total / 2 / 28));
    const own: Slot[] = Array.from({ length: count }, () => ({ spec, units: [], load: 0 }));
    const ordered = mine.map((u, i) => ({ u, i })).sort((a, b) => b.u.hours - a.u.hours || a.i - b.i);
    for (const { u } of ordered) {
      const sibling = (slot: Slot) =>
        u.subgroup > 0 &&
        slot.units.some((o) => o.cls === u.cls && o.subgroup > 0 && o.subjects[0]?.key === u.subjects[0]?.key);
      let best: Slot | undefined;
      for (const slot of own) if (!sibling(slot) && (!best || slot.load < best.load)) best = slot;
      if (!best) throw new Error('demo: no slot for a subgroup');
      best.units.push(u);
      best.load += u.hours;
    }
    slots.push(...own);
  }
  return slots;
}

/** Slots become teachers; slots under 16 hours are combined with others of a different specialty. */
function packTeachers(slots: readonly Slot[]): Slot[][] {
  const teachers: Slot[][] = [];
  const load = (t: Slot[]) => t.reduce((sum, s) => sum + s.load, 0);
  const hasSpec = (t: Slot[], s: Slot) => t.some((x) => x.spec === s.spec);
  const combined: Slot[][] = [];
  for (const slot of slots) {
    if (slot.load >= 16 || slot.spec.perClass) {
      teachers.push([slot]);
      continue;
    }
    const open = combined.find((t) => load(t) < 18 && load(t) + slot.load <= 28 && !hasSpec(t, slot));
    if (open) open.push(slot);
    else combined.push([slot]);
  }
  // A combination left too small is shared out among the others.
  for (const t of [...combined]) {
    if (load(t) >= 16) continue;
    const others = [...teachers, ...combined].filter((o) => o !== t && !o.some((s) => s.spec.perClass));
    const moves: Array<[Slot, Slot[]]> = [];
    const extra = new Map<Slot[], number>();
    for (const slot of t) {
      let best: Slot[] | undefined;
      for (const o of others) {
        const l = load(o) + (extra.get(o) ?? 0);
        if (!hasSpec(o, slot) && l + slot.load <= 30 && (!best || l < load(best) + (extra.get(best) ?? 0))) best = o;
      }
      if (!best) break;
      moves.push([slot, best]);
      extra.set(best, (extra.get(best) ?? 0) + slot.load);
    }
    if (moves.length !== t.length) continue;
    for (const [slot, o] of moves) o.push(slot);
    combined.splice(combined.indexOf(t), 1);
  }
  return [...teachers, ...combined];
}

export function planStaff(classes: readonly ClassSlot[], rng: Rng): StaffPlan {
  const units = buildUnits(classes);
  const groups = packTeachers(buildSlots(units));
  const teacherOfUnit = new Map<Unit, number>();
  const staff: StaffMember[] = groups.map((slots, idx) => {
    for (const slot of slots) for (const u of slot.units) teacherOfUnit.set(u, idx);
    const first = at(slots, 0).spec;
    return {
      idx,
      person: person(rng, rng.chance(first.maleShare) ? 'm' : 'f', true),
      login: '',
      specialties: slots.map((s) => s.spec.key),
      load: slots.reduce((sum, s) => sum + s.load, 0),
      room: '',
      classTeacherOf: null,
    };
  });

  const teachings: Teaching[] = [];
  for (const cls of classes) {
    for (const row of curriculumOf(cls.grade)) {
      const key = row.subject.key;
      const teachers = units
        .filter((u) => u.cls === cls && u.subjects.some((x) => x.key === key))
        .sort((a, b) => a.subgroup - b.subgroup)
        .map((u) => teacherOfUnit.get(u) ?? -1);
      if (teachers.some((t) => t < 0)) throw new Error('demo: a unit without a teacher');
      teachings.push({ cls, subject: key, hours: row.hoursPerWeek, teachers });
    }
  }

  const first5 = classes.find((c) => c.grade === 5 && c.letterIdx === 0);
  if (!first5) throw new Error('demo: no class 5А');
  const teacherIn = (cls: ClassSlot, subject: SubjectKey) =>
    at(teachings.find((t) => t.cls === cls && t.subject === subject)?.teachers ?? [], 0);
  const uchitel = teacherIn(first5, 'math');
  const klruk = teacherIn(first5, 'rus');

  const classTeacher = new Map<string, number>();
  const taken = new Set<number>([uchitel]);
  const assign = (cls: ClassSlot, idx: number) => {
    classTeacher.set(cls.key, idx);
    taken.add(idx);
    at(staff, idx).classTeacherOf = cls.key;
  };
  assign(first5, klruk);
  for (const cls of classes) {
    if (cls.grade <= 4) assign(cls, teacherIn(cls, 'rus'));
  }
  for (const cls of classes) {
    if (classTeacher.has(cls.key)) continue;
    const hours = new Map<number, number>();
    for (const t of teachings)
      if (t.cls === cls) for (const idx of t.teachers) hours.set(idx, (hours.get(idx) ?? 0) + t.hours);
    let best = -1;
    let bestHours = -1;
    for (const m of staff) {
      if (taken.has(m.idx) || m.specialties.includes('primary')) continue;
      const h = hours.get(m.idx) ?? 0;
      if (h > bestHours) [best, bestHours] = [m.idx, h];
    }
    if (best < 0) best = uchitel;
    assign(cls, best);
  }

  // Logins: the two documented teachers, then teacher01, teacher02 … in staff order.
  let n = 0;
  const width = Math.max(2, String(staff.length).length);
  for (const m of staff) {
    m.login = m.idx === uchitel ? 'uchitel' : m.idx === klruk ? 'klruk' : `teacher${String(++n).padStart(width, '0')}`;
  }
  assignRooms(staff);
  return { staff, teachings, classTeacher, uchitel, klruk };
}

function assignRooms(staff: StaffMember[]): void {
  let primary = 100;
  let other = 200;
  let gym = 0;
  let workshop = 0;
  for (const m of staff) {
    const main = m.specialties[0];
    if (main === 'primary') m.room = String(++primary);
    else if (main === 'pe') m.room = ++gym === 1 ? 'Спортзал' : `Спортзал ${gym}`;
    else if (main === 'technology') m.room = `Мастерская ${++workshop}`;
    else {
      other += other % 100 === 20 ? 81 : 1;
      m.room = String(other);
    }
  }
}
