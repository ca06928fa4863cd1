// A weekly timetable, lessons 1–7, placed greedily: each class's hours met, no teacher in
// two places at once (the two subgroups of a split subject share a slot, so both their teachers are
// booked), lessons of a subject spread over the week, and short days for the young. Grades 5–11 keep a six-day
// week, as many schools do (and a newcomer opening the demo on a Saturday finds lessons); grades 1–4 five days.
import { at, type Rng } from './random';

export interface TtItem {
  cls: number;
  grade: number;
  teachers: readonly number[];
  hours: number;
}

export interface Placement {
  /** Per item: its weekly slots. */
  slots: Array<Array<{ weekday: number; number: number }>>;
  /** Whether a teacher has a lesson at weekday (1–6) × number (1–7). */
  busy(teacher: number, weekday: number, number: number): boolean;
}

const days = 6;
const perDay = 7;
/** School days a week: five for the primary grades (SanPiN), six for grades 5–11. */
export const weekDays = (grade: number) => (grade <= 4 ? 5 : 6);
const width = days * perDay;

/** Preferred and absolute maximum of lessons a day, by grade (SanPiN: 4 in the first grade, 5 in 2–4, 6 in 5–6). */
const preferred = (grade: number) => (grade === 1 ? 4 : grade <= 4 ? 5 : grade <= 6 ? 6 : 7);
const hardMax = (grade: number) => (grade === 1 ? 4 : grade <= 4 ? 5 : 7);

export function buildTimetable(
  items: readonly TtItem[],
  classCount: number,
  teacherCount: number,
  rng: Rng,
): Placement {
  for (let attempt = 0; attempt < 12; attempt++) {
    const result = tryPlace(items, classCount, teacherCount, rng.fork(attempt));
    if (result) return result;
  }
  throw new Error('demo: could not build a timetable');
}

function tryPlace(items: readonly TtItem[], classCount: number, teacherCount: number, rng: Rng): Placement | null {
  const classGrid = new Int32Array(classCount * width).fill(-1);
  const teacherGrid = new Int32Array(teacherCount * width).fill(-1);
  const placed: number[][] = items.map(() => []);
  const teacherLoad = new Array<number>(teacherCount).fill(0);
  for (const it of items) for (const t of it.teachers) teacherLoad[t] = (teacherLoad[t] ?? 0) + it.hours;

  const free = (i: number, s: number) => {
    const it = at(items, i);
    if (classGrid[it.cls * width + s] !== -1) return false;
    if ((s % perDay) + 1 > hardMax(it.grade) || Math.floor(s / perDay) >= weekDays(it.grade)) return false;
    return it.teachers.every((t) => teacherGrid[t * width + s] === -1);
  };
  const put = (i: number, s: number) => {
    const it = at(items, i);
    classGrid[it.cls * width + s] = i;
    for (const t of it.teachers) teacherGrid[t * width + s] = i;
    placed[i]?.push(s);
  };
  const take = (i: number, s: number) => {
    const it = at(items, i);
    classGrid[it.cls * width + s] = -1;
    for (const t of it.teachers) teacherGrid[t * width + s] = -1;
    const list = at(placed, i);
    list.splice(list.indexOf(s), 1);
  };
  const score = (i: number, s: number) => {
    const it = at(items, i);
    const d = Math.floor(s / perDay);
    const n = (s % perDay) + 1;
    let sameDay = 0;
    for (const o of at(placed, i)) if (Math.floor(o / perDay) === d) sameDay++;
    let dayLoad = 0;
    let gaps = 0;
    for (let k = 0; k < perDay; k++) {
      const busy = classGrid[it.cls * width + d * perDay + k] !== -1;
      if (busy) dayLoad++;
      else if (k < n - 1) gaps++;
    }
    return sameDay * 60 + Math.max(0, n - preferred(it.grade)) * 40 + n * 3 + dayLoad * 2 + gaps * 5 + rng.next();
  };
  const best = (i: number, exclude = -1) => {
    let bestSlot = -1;
    let bestScore = Infinity;
    for (let s = 0; s < width; s++) {
      if (s === exclude || !free(i, s)) continue;
      const v = score(i, s);
      if (v < bestScore) [bestSlot, bestScore] = [s, v];
    }
    return bestSlot;
  };
  /** Blockers of item i at slot s: the class's lesson there and its teachers' lessons there. */
  const blockers = (i: number, s: number) => {
    const it = at(items, i);
    const found = new Set<number>();
    const c = classGrid[it.cls * width + s] ?? -1;
    if (c !== -1) found.add(c);
    for (const t of it.teachers) {
      const b = teacherGrid[t * width + s] ?? -1;
      if (b !== -1) found.add(b);
    }
    return found;
  };

  // Greedy placement; when an item fits nowhere, it takes the slot with the fewest blockers and the
  // blockers go back to the queue (a small eviction search, bounded).
  const queue: number[] = [];
  const order = rng.shuffle(items.map((_, i) => i));
  const key = (i: number) => {
    const it = at(items, i);
    const maxLoad = Math.max(...it.teachers.map((t) => teacherLoad[t] ?? 0));
    return (it.grade === 1 ? 1000 : 0) + it.teachers.length * 100 + maxLoad * 2 + it.hours;
  };
  order.sort((a, b) => key(a) - key(b));
  for (const i of order) for (let h = 0; h < at(items, i).hours; h++) queue.push(i);
  let budget = queue.length * 25;
  while (queue.length > 0) {
    if (--budget < 0) return null;
    const i = queue.pop() ?? 0;
    const s = best(i);
    if (s >= 0) {
      put(i, s);
      continue;
    }
    const it = at(items, i);
    let target = -1;
    let fewest = Infinity;
    for (let k = 0; k < width; k++) {
      if ((k % perDay) + 1 > hardMax(it.grade) || Math.floor(k / perDay) >= weekDays(it.grade)) continue;
      const b = blockers(i, k);
      if (b.has(i)) continue;
      const cost = b.size + rng.next() * 0.9 + ((k % perDay) + 1 > preferred(it.grade) ? 0.5 : 0);
      if (cost < fewest) [target, fewest] = [k, cost];
    }
    if (target < 0) return null;
    for (const j of blockers(i, target)) {
      take(j, target);
      queue.push(j);
    }
    put(i, target);
  }
  compact(items, classCount, classGrid, teacherGrid, placed);
  return {
    slots: placed.map((list) =>
      list.sort((a, b) => a - b).map((s) => ({ weekday: Math.floor(s / perDay) + 1, number: (s % perDay) + 1 })),
    ),
    busy: (t, weekday, number) => teacherGrid[t * width + (weekday - 1) * perDay + number - 1] !== -1,
  };
}

/**
 * Closes gaps in a class's day («окна»): a lesson that ends some day moves into the gap when its teachers
 * are free then. Moving a day's last lesson never opens a new gap.
 */
function compact(
  items: readonly TtItem[],
  classCount: number,
  classGrid: Int32Array,
  teacherGrid: Int32Array,
  placed: number[][],
): void {
  const move = (i: number, from: number, to: number) => {
    const it = at(items, i);
    classGrid[it.cls * width + from] = -1;
    classGrid[it.cls * width + to] = i;
    for (const t of it.teachers) {
      teacherGrid[t * width + from] = -1;
      teacherGrid[t * width + to] = i;
    }
    const list = at(placed, i);
    list[list.indexOf(from)] = to;
  };
  const lastOf = (c: number, d: number) => {
    for (let n = perDay - 1; n >= 0; n--) if (classGrid[c * width + d * perDay + n] !== -1) return d * perDay + n;
    return -1;
  };
  const grades = new Int32Array(classCount);
  for (const it of items) grades[it.cls] = it.grade;
  for (let round = 0; round < 3; round++) {
    // Too long a day gives its last lesson to a shorter day, at that day's end.
    for (let c = 0; c < classCount; c++) {
      const pref = preferred(grades[c] ?? 7);
      const classDays = weekDays(grades[c] ?? 7);
      for (let d = 0; d < classDays; d++) {
        const last = lastOf(c, d);
        if (last < 0 || (last % perDay) + 1 <= pref) continue;
        const i = classGrid[c * width + last] ?? -1;
        if (i < 0) continue;
        for (let x = 0; x < classDays; x++) {
          const to = lastOf(c, x) + 1;
          if (x === d || to <= x * perDay || (to % perDay) + 1 > pref || to >= (x + 1) * perDay) continue;
          if (!at(items, i).teachers.every((t) => teacherGrid[t * width + to] === -1)) continue;
          if (at(placed, i).some((s) => Math.floor(s / perDay) === x)) continue;
          move(i, last, to);
          break;
        }
      }
    }
    for (let c = 0; c < classCount; c++) {
      const classDays = weekDays(grades[c] ?? 7);
      for (let d = 0; d < classDays; d++) {
        for (let n = 0; n < perDay; n++) {
          const gap = d * perDay + n;
          const last = lastOf(c, d);
          if (last <= gap || classGrid[c * width + gap] !== -1) continue;
          // Candidates: the last lesson of each day, this day's first; prefer days without this subject.
          for (const from of [last, ...[...Array(classDays).keys()].filter((x) => x !== d).map((x) => lastOf(c, x))]) {
            if (from < 0) continue;
            const i = classGrid[c * width + from] ?? -1;
            if (i < 0) continue;
            const it = at(items, i);
            if (!it.teachers.every((t) => teacherGrid[t * width + gap] === -1)) continue;
            if (from !== last && at(placed, i).some((s) => Math.floor(s / perDay) === d)) continue;
            move(i, from, gap);
            break;
          }
        }
      }
    }
  }
}
