import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli';
import { openDatabase, type Db } from '../../src/core/db/open';
import { generateDemoSchool } from '../../src/core/demo';
import { pdfPageCount, pdfPages } from '../helpers/pdf';
import { migrationsFolder, tempDir } from '../helpers/temp';

const dir = tempDir('zhurnal-book-');
const dbFile = path.join(dir, 'school.db');
let db: Db;
let target: { id: number; name: string };

interface Journal {
  title: string;
  students: string[];
  dates: string[];
}

/** The class's journals as the database has them, queried here independently of the print code. */
function journalsOf(classId: number): Journal[] {
  const sql = db.$client;
  const rows = sql
    .prepare(
      `select a.id, s.name as subject, g.name as subgroup, a.subgroup_id as subgroupId from assignments a
       join subjects s on s.id = a.subject_id left join subgroups g on g.id = a.subgroup_id where a.class_id = ?`,
    )
    .all(classId) as { id: number; subject: string; subgroup: string | null; subgroupId: number | null }[];
  return rows.map((a) => {
    const members = a.subgroupId
      ? sql
          .prepare(
            "select st.last_name || ' ' || st.first_name as n from subgroup_members m join students st on st.id = m.student_id where m.subgroup_id = ?",
          )
          .all(a.subgroupId)
      : sql
          .prepare(
            "select st.last_name || ' ' || st.first_name as n from class_enrollments e join students st on st.id = e.student_id where e.class_id = ?",
          )
          .all(classId);
    const dates = sql
      .prepare("select date from lessons where assignment_id = ? and status = 'held' order by date, lesson_number")
      .all(a.id) as { date: string }[];
    return {
      title: a.subgroup ? `${a.subject} (${a.subgroup})` : a.subject,
      students: (members as { n: string }[]).map((m) => m.n),
      dates: dates.map((d) => `${d.date.slice(8, 10)}.${d.date.slice(5, 7)}`),
    };
  });
}

interface Spread {
  title: string;
  leftPage: number;
  left: string;
  days: string[];
  rightDates: string[];
}

/** Spreads read back from the PDF's text: a page headed «Фамилия, имя» and the page after it. */
function spreadsOf(pages: string[]): Spread[] {
  const spreads: Spread[] = [];
  pages.forEach((text, i) => {
    if (!text.includes('Месяц, число')) return;
    const right = pages[i + 1] ?? '';
    const title = (text.trim().split('\n')[0] ?? '').split(/\s{2,}/)[0] ?? '';
    // The row of day numbers under the months: nothing but days, period numbers (I–IV) and «год».
    const dayLine =
      text.split('\n').find(
        (l) =>
          l.trim() !== '' &&
          l
            .trim()
            .split(/\s+/)
            .every((t) => /^(\d\d|I{1,3}|IV|год)$/.test(t)),
      ) ?? '';
    spreads.push({
      title,
      leftPage: i + 1,
      left: text,
      days: dayLine
        .trim()
        .split(/\s+/)
        .filter((t) => /^\d\d$/.test(t)),
      rightDates: right
        .split('\n')
        .map((l) => /^\s*(\d\d\.\d\d)\s/.exec(l)?.[1])
        .filter((d): d is string => d !== undefined),
    });
  });
  return spreads;
}

beforeAll(() => {
  db = openDatabase(dbFile, { migrationsFolder, create: true });
  generateDemoSchool(db, { tier: 'small', years: 1, today: '2026-05-30' });
  // The class with the most movement: it shows arrivals and departures.
  target = db.$client
    .prepare(
      `select c.id, c.grade || c.letter as name from classes c join class_enrollments e on e.class_id = c.id
       where c.grade between 2 and 9 group by c.id order by count(*) desc, c.id limit 1`,
    )
    .get() as { id: number; name: string };
});

describe('the class book', () => {
  it('comes out of the CLI with its sheet count on the certification page, every student and every date on matching pages', async () => {
    const out = path.join(dir, 'book.pdf');
    expect(await main(['print', '--db', dbFile, '--class', target.name, '--out', out])).toBe(0);
    const pages = pdfPages(out);
    const count = pdfPageCount(out);
    expect(pages).toHaveLength(count);
    expect(pages.at(-1)).toMatch(new RegExp(`скреплено печатью ${count} лист`));
    expect(pages[0]).toContain('КЛАССНЫЙ ЖУРНАЛ');
    expect(pages[1]).toContain('СОДЕРЖАНИЕ');

    const spreads = spreadsOf(pages);
    const journals = journalsOf(target.id);
    expect(journals.length).toBeGreaterThan(5);
    for (const journal of journals) {
      const mine = spreads.filter((s) => s.title === journal.title);
      expect(mine.length, journal.title).toBeGreaterThan(0);
      // Every held lesson's date, in order, across the journal's right pages.
      expect(
        mine.flatMap((s) => s.rightDates),
        journal.title,
      ).toEqual(journal.dates);
      for (const s of mine) {
        expect(s.days, `${journal.title}, p. ${s.leftPage}`).toEqual(s.rightDates.map((d) => d.slice(0, 2)));
        for (const student of journal.students)
          expect(s.left.replace(/\s+/g, ' '), `${student} on p. ${s.leftPage}`).toContain(student);
      }
    }
    const summary = (
      pages.find((p) => p.includes('Сводная ведомость учёта успеваемости') && p.includes('Фамилия, имя')) ?? ''
    ).replace(/\s+/g, ' ');
    for (const student of journals[0]?.students ?? []) expect(summary).toContain(student);
    expect(pages.some((p) => p.includes('Сводная ведомость учёта посещаемости'))).toBe(true);
    expect(pages.some((p) => p.includes('Замечания по ведению журнала'))).toBe(true);
    expect(pages.some((p) => p.includes('Общие сведения об обучающихся'))).toBe(false);
  });

  it('counts two pages to a sheet when printed two-sided, every spread opening on a left-hand page', async () => {
    const out = path.join(dir, 'duplex.pdf');
    expect(
      await main(['print', '--db', dbFile, '--class', target.name, '--duplex', '--personal-data', '--out', out]),
    ).toBe(0);
    const pages = pdfPages(out);
    expect(pages.at(-1)).toMatch(new RegExp(`скреплено печатью ${Math.ceil(pages.length / 2)} лист`));
    for (const s of spreadsOf(pages)) expect(s.leftPage % 2, `left page ${s.leftPage}`).toBe(0);
    expect(pages.some((p) => p.includes('Общие сведения об обучающихся'))).toBe(true);
  });

  it('notes arrivals and departures as the journal’s screen does: «выбыл с» the date of the order, on the spreads and in the personal data', async () => {
    // Independently of the print code: the class with the most departures, who left it and the date of the order
    // that ended each stay, and who arrived (the first day of the stay).
    const sql = db.$client;
    const cls = sql
      .prepare(
        `select c.id, c.grade || c.letter as name from student_movements m join classes c on c.id = m.from_class_id where m.kind = 'left' and c.grade > 1 group by c.id order by count(*) desc, c.id limit 1`,
      )
      .get() as { id: number; name: string };
    const left = sql
      .prepare(
        `select st.last_name || ' ' || st.first_name as name, m.date, m.order_number as n, m.order_date as d from student_movements m join students st on st.id = m.student_id where m.kind = 'left' and m.from_class_id = ?`,
      )
      .all(cls.id) as Array<{ name: string; date: string; n: string; d: string }>;
    const arrived = sql
      .prepare(
        `select m.date from student_movements m where m.kind in ('arrived', 'transferred') and m.to_class_id = ?`,
      )
      .all(cls.id) as Array<{ date: string }>;
    expect(left.length).toBeGreaterThan(0);
    const out = path.join(dir, 'movement.pdf');
    expect(await main(['print', '--db', dbFile, '--class', cls.name, '--personal-data', '--out', out])).toBe(0);
    const pages = pdfPages(out);
    const spreads = pages.filter((p) => p.includes('Месяц, число')).join('\n');
    const personal = pages.filter((p) => p.includes('Общие сведения об обучающихся')).join('\n');
    const ru = (iso: string) => iso.split('-').reverse().join('.');
    for (const s of left) {
      expect(spreads, s.name).toContain(`выбыл с ${ru(s.date).slice(0, 5)}`);
      // With room for it, the order too: the register's number and date.
      expect(personal.replace(/\s+/g, ' '), s.name).toContain(
        `выбыл с ${ru(s.date)} (приказ № ${s.n.replace(/^\s*№\s*/, '')} от ${ru(s.d)})`,
      );
    }
    for (const a of arrived) expect(personal).toContain(`прибыл ${ru(a.date)}`);
    expect(pages.join('\n')).not.toContain('выбыл(а)');
  });

  it('groups the inspection remarks by subject in the book’s order, the journal as a whole first', async () => {
    const sql = db.$client;
    const journals = sql
      .prepare(
        'select a.id, s.name from assignments a join subjects s on s.id = a.subject_id where a.class_id = ? and a.subgroup_id is null order by s.sort_order',
      )
      .all(target.id) as { id: number; name: string }[];
    const [first, second] = journals as [{ id: number; name: string }, { id: number; name: string }];
    const deputy = (sql.prepare("select user_id as id from user_roles where role = 'deputy'").get() as { id: number })
      .id;
    const remark = sql.prepare(
      'insert into inspection_remarks (class_id, assignment_id, date, author_id, text) values (?, ?, ?, ?, ?)',
    );
    remark.run(target.id, second.id, '2025-10-01', deputy, 'Замечание Б1');
    remark.run(target.id, first.id, '2025-12-01', deputy, 'Замечание А2');
    remark.run(target.id, null, '2026-01-15', deputy, 'Замечание О1');
    remark.run(target.id, first.id, '2025-11-01', deputy, 'Замечание А1');
    remark.run(target.id, second.id, '2026-02-01', deputy, 'Замечание Б2');
    const out = path.join(dir, 'remarks.pdf');
    expect(await main(['print', '--db', dbFile, '--class', target.name, '--out', out])).toBe(0);
    const page =
      pdfPages(out).find((p) => p.includes('Замечания по ведению журнала') && p.includes('Кто проверял')) ?? '';
    const lines = page.split('\n').filter((l) => /Замечание [АБО]\d/.test(l));
    expect(lines.map((l) => /Замечание ([АБО]\d)/.exec(l)?.[1])).toEqual(['О1', 'А1', 'А2', 'Б1', 'Б2']);
    // Each group named once, on its first line.
    const group = (l: string) => (/^\d\d\.\d\d\.\d{4}/.test(l.trim()) ? '' : l.trim().split(/\s{2,}/)[0]);
    expect(lines.map(group)).toEqual(['Журнал в целом', first.name, '', second.name, '']);
  });

  it('prints the 1st grade, which has no marks, without a progress summary sheet', async () => {
    const out = path.join(dir, 'first.pdf');
    expect(await main(['print', '--db', dbFile, '--class', '1А', '--out', out])).toBe(0);
    const pages = pdfPages(out);
    expect(pages.some((p) => p.includes('Сводная ведомость учёта успеваемости'))).toBe(false);
    expect(pages.some((p) => p.includes('Сводная ведомость учёта посещаемости'))).toBe(true);
    expect(pages.at(-1)).toMatch(new RegExp(`скреплено печатью ${pages.length} лист`));
  });

  it('refuses an unknown class with one clear line, writing nothing', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const out = path.join(dir, 'x.pdf');
    expect(await main(['print', '--db', dbFile, '--class', '5Я', '--out', out])).toBe(1);
    spy.mockRestore();
    expect(err).toMatch(/нет класса 5Я/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
