import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/core/auth/password';
import { openDatabase, type Db } from '../../src/core/db/open';
import { demoLogins, generateDemoSchool, type DemoOptions, type DemoSummary } from '../../src/core/demo';
import { AppError } from '../../src/shared/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhurnal-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const opened: Db[] = [];
afterAll(() => opened.forEach((db) => db.$client.close()));

let n = 0;
function fresh(): Db {
  const db = openDatabase(path.join(dir, `demo-${++n}.db`), {
    create: true,
    migrationsFolder: path.resolve('migrations'),
  });
  opened.push(db);
  return db;
}

const small: DemoOptions = { tier: 'small', years: 1, today: '2026-11-24' };

/** Held lessons × the students of their class (or subgroup) on that date. */
const studentLessons = `
  from lessons l
  join assignments a on a.id = l.assignment_id
  join classes c on c.id = a.class_id
  join class_enrollments e on e.class_id = c.id and e.start_date <= l.date and (e.end_date is null or e.end_date >= l.date)
  left join subgroup_members sm on sm.subgroup_id = a.subgroup_id and sm.student_id = e.student_id
    and sm.start_date <= l.date and (sm.end_date is null or sm.end_date >= l.date)
  where l.status = 'held' and (a.subgroup_id is null or sm.id is not null)`;

/** A digest of every table's rows (the password hash has a random salt and is left out). */
function digest(db: Db): Record<string, string> {
  const sql = db.$client;
  const tables = sql
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name",
    )
    .all() as { name: string }[];
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = sql.prepare(`select * from ${name} order by rowid`).all() as Record<string, unknown>[];
    const hash = createHash('sha256');
    for (const row of rows) {
      if (name === 'users') delete row.password_hash;
      hash.update(JSON.stringify(row));
    }
    out[name] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}

describe('the demo school, small tier, one year', () => {
  let db: Db;
  let summary: DemoSummary;
  const one = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).get(...params) as T;
  const count = (query: string, ...params: unknown[]) => one<{ n: number }>(query, ...params).n;

  beforeAll(() => {
    db = fresh();
    summary = generateDemoSchool(db, small);
  });

  it('has eleven classes of about twelve students, and a summary that matches the rows', () => {
    expect(count('select count(*) as n from classes')).toBe(11);
    expect(summary.classes).toBe(11);
    expect(summary.years).toBe(1);
    expect(count("select count(*) as n from class_enrollments where start_date = '2026-09-01'")).toBe(132);
    const students = count('select count(*) as n from students');
    expect(students).toBeGreaterThanOrEqual(125);
    expect(students).toBeLessThanOrEqual(145);
    expect(summary.students).toBe(students);
    expect(summary.lessons).toBe(count('select count(*) as n from lessons'));
    expect(summary.marks).toBe(count('select count(*) as n from marks'));
    expect(summary.absences).toBe(count('select count(*) as n from absences'));
    expect(summary.periodMarks).toBe(count('select count(*) as n from period_marks'));
    expect(count("select count(*) as n from school_years where is_current = 1 and name = '2026/2027'")).toBe(1);
    expect(count('select count(*) as n from classes where class_teacher_id is null')).toBe(0);
  });

  it('gives lessons only on school days: six a week for grades 5–11, five for 1–4, no holidays', () => {
    const onWeekday = (wd: string, grades: string) =>
      count(`select count(*) as n from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id
             where strftime('%w', l.date) = '${wd}' and c.grade ${grades}`);
    expect(onWeekday('0', '>= 1')).toBe(0);
    expect(onWeekday('6', '<= 4')).toBe(0);
    expect(onWeekday('6', '>= 5')).toBeGreaterThan(0);
    // The demo teacher has lessons on Saturday too: a newcomer can try the journal on a weekend.
    expect(
      count(`select count(*) as n from lessons l join users u on u.id = l.given_by_id
             where u.login = 'uchitel' and l.date = '2026-11-28'`),
    ).toBeGreaterThan(0);
    expect(
      count(`select count(*) as n from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id
             join holidays h on h.year_id = c.year_id and l.date between h.start_date and h.end_date and (h.grade is null or h.grade = c.grade)`),
    ).toBe(0);
    expect(count("select count(*) as n from lessons where status = 'held' and date >= '2026-11-24'")).toBe(0);
    expect(count("select count(*) as n from lessons where status = 'planned' and date < '2026-11-24'")).toBe(0);
  });

  it('keeps the first grade free of marks and homework', () => {
    const inGrade1 =
      'join lessons l on l.id = x.lesson_id join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id where c.grade = 1';
    expect(count(`select count(*) as n from marks x ${inGrade1}`)).toBe(0);
    expect(count(`select count(*) as n from absences x ${inGrade1}`)).toBeGreaterThan(0);
    expect(
      count(
        'select count(*) as n from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id where c.grade = 1 and l.homework is not null',
      ),
    ).toBe(0);
    expect(
      count(
        'select count(*) as n from period_marks p join class_enrollments e on e.student_id = p.student_id join classes c on c.id = e.class_id where c.grade = 1',
      ),
    ).toBe(0);
  });

  it('has about 0.3 marks per student per held lesson and about 7 % absences', () => {
    const lessons2to11 = count(`select count(*) as n ${studentLessons} and c.grade >= 2`);
    const marks = count('select count(*) as n from marks');
    expect(marks / lessons2to11).toBeGreaterThan(0.2);
    expect(marks / lessons2to11).toBeLessThan(0.4);
    const absenceShare = count('select count(*) as n from absences') / count(`select count(*) as n ${studentLessons}`);
    expect(absenceShare).toBeGreaterThan(0.05);
    expect(absenceShare).toBeLessThan(0.09);
    const codes = db.$client.prepare('select code, count(*) as n from absences group by code').all() as {
      code: string;
      n: number;
    }[];
    expect(codes.map((c) => c.code).sort()).toEqual(['н', 'оп', 'б', 'у'].sort());
    expect(codes.find((c) => c.code === 'б')?.n).toBeGreaterThan(count('select count(*) as n from absences') / 2);
  });

  it('puts marks and absences only on enrolled students of held lessons, never both on one cell', () => {
    expect(
      count(
        'select count(*) as n from marks m join absences a on a.lesson_id = m.lesson_id and a.student_id = m.student_id',
      ),
    ).toBe(0);
    expect(
      count(`select count(*) as n from marks m join lessons l on l.id = m.lesson_id where l.status <> 'held'`),
    ).toBe(0);
    const inGroup = `select count(*) as n from %T x where exists (select 1 ${studentLessons} and l.id = x.lesson_id and e.student_id = x.student_id)`;
    expect(count(inGroup.replace('%T', 'marks'))).toBe(count('select count(*) as n from marks'));
    expect(count(inGroup.replace('%T', 'absences'))).toBe(count('select count(*) as n from absences'));
  });

  it('never books a teacher twice at the same date and lesson number, substitutes included', () => {
    expect(
      count(
        'select count(*) as n from (select given_by_id from lessons group by given_by_id, date, lesson_number having count(*) > 1)',
      ),
    ).toBe(0);
    const substitutions = count(
      'select count(*) as n from lessons l join assignments a on a.id = l.assignment_id where l.given_by_id <> a.teacher_id',
    );
    const held = count("select count(*) as n from lessons where status = 'held'");
    expect(substitutions / held).toBeGreaterThan(0.005);
    expect(substitutions / held).toBeLessThan(0.03);
    // Each assignment meets its weekly hours in the timetable; two subgroups share a slot with two teachers.
    expect(
      count(
        'select count(*) as n from (select a.id from assignments a left join timetable t on t.assignment_id = a.id group by a.id having count(t.id) <> a.hours_per_week)',
      ),
    ).toBe(0);
    expect(
      count(`select count(*) as n from assignments a1 join assignments a2 on a2.class_id = a1.class_id and a2.subject_id = a1.subject_id and a2.id > a1.id
             where a1.subgroup_id is not null and a1.teacher_id = a2.teacher_id`),
    ).toBe(0);
  });

  it('accepts no «н/а» as a current mark, and none at all on control, laboratory and practical works', () => {
    expect(
      count(
        "select count(*) as n from marks m join work_kinds k on k.id = m.work_kind_id where k.is_control = 1 and m.value1 = 'н/а'",
      ),
    ).toBe(0);
    expect(
      count(
        "select count(*) as n from marks m join lessons l on l.id = m.lesson_id join work_kinds k on k.id = l.work_kind_id where k.is_control = 1 and m.value1 = 'н/а'",
      ),
    ).toBe(0);
    expect(
      count(
        "select count(*) as n from marks m join work_kinds k on k.id = m.work_kind_id where k.code = 'dictation' and m.value2 is not null",
      ),
    ).toBeGreaterThan(0);
  });

  it('has thematic plans as long as the curriculum, and period marks for the finished first quarter', () => {
    const mismatched = count(`select count(*) as n from (
      select p.id from thematic_plans p join thematic_plan_topics t on t.plan_id = p.id join assignments a on a.id = p.assignment_id
      join classes c on c.id = a.class_id join curriculum cu on cu.year_id = a.year_id and cu.grade = c.grade and cu.subject_id = a.subject_id
      group by p.id having sum(t.hours) <> max(cu.hours_per_year))`);
    expect(mismatched).toBe(0);
    expect(
      count(
        'select count(*) as n from assignments a left join thematic_plans p on p.assignment_id = a.id where p.id is null',
      ),
    ).toBe(0);
    const q1 = one<{ id: number }>("select id from periods where scheme = 'quarters' and number = 1");
    expect(count('select count(*) as n from period_marks where period_id = ?', q1.id)).toBeGreaterThan(500);
    expect(
      count(
        "select count(*) as n from period_marks p join periods d on d.id = p.period_id where d.end_date >= '2026-11-24'",
      ),
    ).toBe(0);
  });

  it('creates the documented logins with their roles and the password «demo»', async () => {
    for (const entry of demoLogins) {
      const user = one<{ id: number; password_hash: string } | undefined>(
        'select id, password_hash from users where login = ?',
        entry.login,
      );
      expect(user, entry.login).toBeDefined();
      if (!user) continue;
      expect(count('select count(*) as n from user_roles where user_id = ? and role = ?', user.id, entry.role)).toBe(1);
      expect(await verifyPassword(entry.password, user.password_hash)).toBe(true);
      expect(entry.who.length).toBeGreaterThan(0);
    }
    const in5A = `select count(*) as n from assignments a join classes c on c.id = a.class_id join subjects s on s.id = a.subject_id
                  join users u on u.id = a.teacher_id where c.grade = 5 and c.letter = 'А' and u.login = ? and s.name = ?`;
    expect(count(in5A, 'uchitel', 'Математика')).toBe(1);
    expect(count(in5A, 'klruk', 'Русский язык')).toBe(1);
    expect(
      count(
        "select count(*) as n from classes c join users u on u.id = c.class_teacher_id where c.grade = 5 and c.letter = 'А' and u.login = 'klruk'",
      ),
    ).toBe(1);
    const loads = db.$client.prepare('select sum(hours_per_week) as h from assignments group by teacher_id').all() as {
      h: number;
    }[];
    expect(loads.every((l) => l.h >= 15 && l.h <= 30)).toBe(true);
  });

  it('is reproducible: the same seed gives the same database, another seed another one', () => {
    const again = fresh();
    expect(generateDemoSchool(again, small)).toEqual(summary);
    const first100 = (d: Db) => d.$client.prepare('select * from marks order by id limit 100').all();
    expect(first100(again)).toEqual(first100(db));
    expect(digest(again)).toEqual(digest(db));
    const other = fresh();
    generateDemoSchool(other, { ...small, seed: 2 });
    expect(first100(other)).not.toEqual(first100(db));
  });

  it('refuses a database that already holds a school', () => {
    let error: unknown;
    try {
      generateDemoSchool(db, small);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('conflict');
    expect(count('select count(*) as n from school_years')).toBe(1);
  });
});

describe('the demo school with two years of history', () => {
  let db: Db;
  const count = (query: string) => (db.$client.prepare(query).get() as { n: number }).n;

  beforeAll(() => {
    db = fresh();
    generateDemoSchool(db, { ...small, years: 2 });
  });

  it('moves students up a grade, graduates the 11th grade and finishes the past year', () => {
    const pairs = `from class_enrollments e1 join classes c1 on c1.id = e1.class_id join school_years y1 on y1.id = c1.year_id and y1.is_current = 0
                   join class_enrollments e2 on e2.student_id = e1.student_id join classes c2 on c2.id = e2.class_id and c2.year_id <> c1.year_id`;
    expect(count(`select count(*) as n ${pairs} where c2.grade = c1.grade + 1`)).toBeGreaterThan(100);
    expect(count(`select count(*) as n ${pairs} where c2.grade <> c1.grade + 1`)).toBe(0);
    expect(count(`select count(*) as n ${pairs} where c1.grade = 11`)).toBe(0);
    expect(count("select count(*) as n from year_outcomes where outcome = 'graduated'")).toBeGreaterThan(0);
    expect(
      count("select count(*) as n from year_outcomes where outcome in ('promoted', 'conditional')"),
    ).toBeGreaterThan(90);
    expect(count("select count(*) as n from period_marks where kind = 'year'")).toBeGreaterThan(1000);
    expect(count("select count(*) as n from period_marks where kind in ('exam', 'final')")).toBeGreaterThan(0);
    expect(
      count(
        "select count(*) as n from lessons l join assignments a on a.id = l.assignment_id join school_years y on y.id = a.year_id where y.is_current = 0 and l.status <> 'held'",
      ),
    ).toBe(0);
    expect(count("select count(*) as n from student_movements where kind = 'enrolled'")).toBe(24);
  });
});
