// The demonstration school: a complete, plausible school generated from a seed — settings, staff with
// logins, years of history with classes, students and their movement, timetable, thematic plans,
// lessons, marks, absences, period marks and outcomes. Same seed, options and `today` → the same
// database (except the password hash's random salt). Everything goes through raw prepared statements in
// one transaction: a failure leaves the database empty.
import { AppError } from '../../shared/errors';
import { hashPasswordSync } from '../auth/password';
import type { Db } from '../db/open';
import { currentStartYear, yearCalendar } from '../school/calendar/ministry';
import { bells, subjects, workKinds, type WorkKindCode } from './curriculum';
import { parseDay, type Day } from '../../shared/dates';
import { stamp } from './dates';
import { address, fullName, person, type Person } from './names';
import { hashSeed, Rng } from './random';
import { writers } from './sql';
import { planStaff, type ClassSlot } from './staff';
import { Cohorts } from './students';
import { buildTimetable } from './timetable';
import { generateYear, type SchoolContext } from './year';
export { demoLogins } from '../../shared/demo';

export interface DemoOptions {
  tier: 'small' | 'typical' | 'large';
  years: number;
  seed?: number;
  /** YYYY-MM-DD: the "current" date. */
  today: string;
}

/** Rows created, over all the years. */
export interface DemoSummary {
  classes: number;
  students: number;
  teachers: number;
  lessons: number;
  marks: number;
  absences: number;
  periodMarks: number;
  years: number;
}

/** The documented logins of the demo school; every password is «demo». */

const tiers = {
  small: { letters: ['А'], size: 12 },
  typical: { letters: ['А', 'Б', 'В'], size: 25 },
  large: { letters: ['А', 'Б', 'В', 'Г', 'Д'], size: 30 },
} as const;

export function generateDemoSchool(db: Db, options: DemoOptions): DemoSummary {
  const today = parseDay(options.today);
  if (today === null) throw new AppError('validation', 'Дата «сегодня» должна быть в формате ГГГГ-ММ-ДД.');
  if (!Number.isInteger(options.years) || options.years < 1 || options.years > 10) {
    throw new AppError('validation', 'Число лет истории демонстрационной школы: от 1 до 10.');
  }
  if (!(options.tier in tiers)) throw new AppError('validation', 'Размер школы: small, typical или large.');
  const client = db.$client;
  const existing = client
    .prepare('select (select count(*) from school_years) + (select count(*) from users) as n')
    .get() as { n: number };
  if (existing.n > 0) {
    throw new AppError(
      'conflict',
      'В базе данных уже есть школа. Демонстрационную школу можно создать только в пустой базе.',
    );
  }
  const passwordHash = hashPasswordSync('demo');
  const synchronous = Number(client.pragma('synchronous', { simple: true }));
  client.pragma('synchronous = OFF');
  try {
    return client.transaction(() => build(db, options.tier, options.years, options.seed ?? 1, today, passwordHash))();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'internal',
      `Не удалось создать демонстрационную школу: ${(e as Error).message}. База данных осталась пустой.`,
    );
  } finally {
    client.pragma(`synchronous = ${Number.isInteger(synchronous) ? synchronous : 2}`);
  }
}

function build(
  db: Db,
  tierName: DemoOptions['tier'],
  years: number,
  seed: number,
  today: Day,
  passwordHash: string,
): DemoSummary {
  const w = writers(db.$client);
  const rng = new Rng(hashSeed(seed, 0x5c001));
  const tier = tiers[tierName];
  const firstStart = currentStartYear(today) - years + 1;
  const setupAt = stamp(yearCalendar(firstStart).start - 14, 600);

  const schoolRng = rng.fork(1);
  const director = person(schoolRng, schoolRng.chance(0.4) ? 'm' : 'f', true);
  const settings: Record<string, unknown> = {
    'school.name': `МБОУ «Средняя общеобразовательная школа № ${schoolRng.int(2, 48)}»`,
    'school.director': fullName(director),
    'school.address': address(schoolRng),
    // The login screen lists the documented demo accounts only in a demonstration school.
    'school.isDemo': true,
    'marks.scale': '1-5',
    'marks.useWeights': true,
    'marks.rounding': 'half_up',
    'marks.allowExempt': true,
    'journal.entryDeadline': { shift1: '17:00', shift2: '21:00' },
    'journal.controlMarksDays': 7,
    'journal.minMarksPerPeriod': 3,
  };
  for (const [key, value] of Object.entries(settings)) w.setting(key, JSON.stringify(value));
  const subjectIds = subjects.map((s, i) => w.subject(s.name, s.short, (i + 1) * 10));
  const kinds = new Map<WorkKindCode, { id: number; weight: number }>();
  workKinds.forEach((k, i) =>
    kinds.set(k.code, {
      id: w.workKind(k.code, k.name, k.short, k.weight, k.isControl ? 1 : 0, k.color, i + 1),
      weight: k.weight,
    }),
  );
  bells.forEach(([start, end], i) => w.bell(1, i + 1, start, end));

  const slots: ClassSlot[] = [];
  for (let grade = 1; grade <= 11; grade++) {
    tier.letters.forEach((letter, letterIdx) => slots.push({ grade, letter, letterIdx, key: `${grade}${letter}` }));
  }
  const plan = planStaff(slots, rng.fork(2));
  const placement = buildTimetable(
    plan.teachings.map((t) => ({
      cls: slots.indexOf(t.cls),
      grade: t.cls.grade,
      teachers: t.teachers,
      hours: t.hours,
    })),
    slots.length,
    plan.staff.length,
    rng.fork(3),
  );

  const user = (login: string, p: Person, roles: readonly string[]) => {
    const id = w.user(login, passwordHash, p.lastName, p.firstName, p.middleName, 1, 0, setupAt);
    for (const role of roles) w.role(id, role);
    return id;
  };
  const staffRng = rng.fork(4);
  user('admin', person(staffRng, 'm', true), ['admin']);
  const deputyId = user('zavuch', person(staffRng, 'f', true), ['deputy']);
  user('director', director, ['director']);
  const secretaryId = user('secretary', person(staffRng, 'f', true), ['secretary']);
  const teacherIds = plan.staff.map((m) =>
    user(m.login, m.person, m.classTeacherOf ? ['teacher', 'class_teacher'] : ['teacher']),
  );

  const ctx: SchoolContext = {
    w,
    today,
    plan,
    placement,
    slots,
    subjectIds,
    kinds,
    teacherIds,
    deputyId,
    secretaryId,
    cohorts: new Cohorts(slots, tier.size),
  };
  const summary: DemoSummary = {
    classes: 0,
    students: 0,
    teachers: plan.staff.length,
    lessons: 0,
    marks: 0,
    absences: 0,
    periodMarks: 0,
    years,
  };
  for (let i = 0; i < years; i++) {
    const y = generateYear(ctx, i, yearCalendar(firstStart + i), i === years - 1, rng.fork(100 + i));
    summary.classes += y.classes;
    summary.students += y.students;
    summary.lessons += y.lessons;
    summary.marks += y.marks;
    summary.absences += y.absences;
    summary.periodMarks += y.periodMarks;
  }
  return summary;
}
