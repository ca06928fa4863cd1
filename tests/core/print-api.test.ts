import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { openDatabase } from '../../src/core/db/open';
import { generateDemoSchool } from '../../src/core/demo';
import type { PrintJob } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { pdfPageCount } from '../helpers/pdf';
import { migrationsFolder, tempDir } from '../helpers/temp';

const dir = tempDir('zhurnal-print-api-');
const dbFile = path.join(dir, 'school.db');
const printDir = path.join(dir, 'out');
const opened: { action: string; file: string }[] = [];
let core: Core;
let desktopless: Core;

beforeAll(() => {
  const db = openDatabase(dbFile, { migrationsFolder, create: true });
  generateDemoSchool(db, { tier: 'small', years: 1, today: '2026-05-30' });
  db.$client.close();
  const desktop = {
    openFile: async (file: string) => void opened.push({ action: 'open', file }),
    printFile: async (file: string) => void opened.push({ action: 'print', file }),
  };
  core = createCore({
    dbFile,
    migrationsFolder,
    clock: fixedClock('2026-06-02T10:00:00'),
    printDir: () => printDir,
    desktop,
  });
  desktopless = createCore({
    dbFile,
    migrationsFolder,
    clock: fixedClock('2026-06-02T10:00:00'),
    printDir: () => printDir,
  });
});
afterAll(() => {
  core.close();
  desktopless.close();
});

async function loggedIn(c: Core, login: string) {
  const caller = directCaller(c);
  const r = await caller.invoke('auth:login', { login, password: 'demo' });
  expect(r.ok).toBe(true);
  return caller;
}

describe('printing through the contract', () => {
  it('lets the secretary list classes, check one, print its book into the print folder and open it', async () => {
    const secretary = await loggedIn(core, 'secretary');
    const list = await secretary.invoke('print:classes', {});
    if (!list.ok) throw new Error(list.error.message);
    const { classes } = list.value as { classes: { id: number; name: string }[] };
    expect(classes.map((c) => c.name)).toContain('5А');
    const fifth = classes.find((c) => c.name === '5А')?.id;

    const check = await secretary.invoke('print:preflight', { classId: fifth });
    if (!check.ok) throw new Error(check.error.message);
    const issues = (check.value as { issues: { kind: string; assignmentId: number }[] }).issues;
    expect(issues.some((i) => i.kind === 'missing_year_mark')).toBe(true);

    const book = await secretary.invoke('print:classBook', { classId: fifth, duplex: true });
    if (!book.ok) throw new Error(book.error.message);
    const { file, pages, sheets } = book.value as { file: string; pages: number; sheets: number; issues: number };
    expect(path.dirname(path.dirname(file))).toBe(printDir);
    expect(pdfPageCount(file)).toBe(pages);
    expect(sheets).toBe(Math.ceil(pages / 2));

    expect((await secretary.invoke('print:open', { file, action: 'print' })).ok).toBe(true);
    expect(opened).toEqual([{ action: 'print', file }]);
    const outside = await secretary.invoke('print:open', { file: dbFile, action: 'open' });
    expect(outside.ok ? null : outside.error.kind).toBe('validation');
    expect(opened).toHaveLength(1);

    const browser = await loggedIn(desktopless, 'secretary');
    const refused = await browser.invoke('print:open', { file, action: 'open' });
    expect(refused.ok ? null : refused.error.message).toMatch(/только в приложении/);
  });

  it('refuses a teacher', async () => {
    const teacher = await loggedIn(core, 'uchitel');
    const r = await teacher.invoke('print:classes', {});
    expect(r.ok ? null : r.error.kind).toBe('forbidden');
  });

  it('prints the whole school as a job the screen polls, with every class and the act', async () => {
    const secretary = await loggedIn(core, 'secretary');
    const started = await secretary.invoke('print:startSchool', {});
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    let job!: PrintJob;
    const seen = new Set<number>();
    const poll = async () => {
      const r = await secretary.invoke('print:job', { jobId });
      if (!r.ok) throw new Error(r.error.message);
      job = r.value as PrintJob;
      seen.add(job.done);
      return job.status;
    };
    await expect.poll(poll, { timeout: 110_000, interval: 20 }).not.toBe('running');
    expect(job.status).toBe('done');
    expect(job.books).toHaveLength(11);
    expect(job.books.every((b) => b.error === null && b.file && fs.existsSync(b.file))).toBe(true);
    expect(fs.existsSync(job.act as string)).toBe(true);
    expect(seen.size).toBeGreaterThan(2); // progress was visible while it ran
    const cancel = await secretary.invoke('print:cancel', { jobId });
    expect(cancel.ok && cancel.value).toEqual({ cancelled: false });
  }, 120_000);

  it("audits printing, and a book with personal data as a view of each student's data", async () => {
    const secretary = await loggedIn(core, 'secretary');
    const sql = core.db.$client;
    const fifth = (
      sql
        .prepare(
          "select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = 5 and c.letter = 'А'",
        )
        .get() as { id: number }
    ).id;
    const before = (sql.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
    const book = await secretary.invoke('print:classBook', { classId: fifth, personalData: true });
    if (!book.ok) throw new Error(book.error.message);
    const entries = sql
      .prepare('select action, class_id as classId, student_id as studentId from audit_log where id > ? order by id')
      .all(before) as { action: string; classId: number | null; studentId: number | null }[];
    expect(entries[0]).toMatchObject({ action: 'print.book', classId: fifth });
    const enrolled = (
      sql
        .prepare('select distinct student_id as id from class_enrollments where class_id = ? order by id')
        .all(fifth) as { id: number }[]
    ).map((r) => r.id);
    const viewed = entries.filter((e) => e.action === 'student.view_personal');
    expect(viewed.map((e) => e.studentId).sort((a, b) => a! - b!)).toEqual(enrolled);
    expect(viewed.every((e) => e.classId === fifth)).toBe(true);
    expect(
      (await secretary.invoke('print:open', { file: (book.value as { file: string }).file, action: 'print' })).ok,
    ).toBe(true);
    expect(
      sql.prepare("select count(*) as n from audit_log where action = 'print.send' and id > ?").get(before),
    ).toEqual({ n: 1 });
  });
});
