import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/app';
import { fixedClock } from '../../src/core/clock';
import { contract, type PrintJob } from '../../src/shared/contract';
import { directCaller } from '../helpers/core';
import { pdfPageCount } from '../helpers/pdf';
import { schoolFixture } from '../helpers/school';
import { migrationsFolder, tempDir } from '../helpers/temp';

const dir = tempDir('zhurnal-print-api-');
const dbFile = path.join(dir, 'school.db');
const printDir = path.join(dir, 'out');
const clock = fixedClock('2026-06-02T10:00:00');
const opened: { action: string; file: string }[] = [];
const desktop = {
  openFile: async (file: string) => void opened.push({ action: 'open', file }),
  printFile: async (file: string) => void opened.push({ action: 'print', file }),
};

describe('printing through the contract', () => {
  // The demo school as it stood on 30 May, its books printed on 2 June.
  const { core, callers } = schoolFixture({
    school: 'demo',
    now: '2026-05-30T10:00:00',
    core: { dbFile, clock, printDir: () => printDir, desktop },
    as: { secretary: 'secretary', teacher: 'uchitel' },
  });
  const { secretary } = callers;
  // The same file served to a browser, which has no system viewer or printer.
  let desktopless: Core;
  beforeAll(() => {
    desktopless = createCore({ dbFile, migrationsFolder, clock, printDir: () => printDir });
  });
  afterAll(() => desktopless.close());

  it('lets the secretary list classes, check one, print its book into the print folder and open it', async () => {
    const { classes } = await secretary.value(contract.print.classes, {});
    expect(classes.map((c) => c.name)).toContain('5А');
    const fifth = classes.find((c) => c.name === '5А')!.id;

    const { issues } = await secretary.value(contract.print.preflight, { classId: fifth });
    expect(issues.some((i) => i.kind === 'missing_year_mark')).toBe(true);

    const { file, pages, sheets } = await secretary.value(contract.print.classBook, { classId: fifth, duplex: true });
    expect(path.dirname(path.dirname(file))).toBe(printDir);
    expect(pdfPageCount(file)).toBe(pages);
    expect(sheets).toBe(Math.ceil(pages / 2));

    expect((await secretary.send(contract.print.open, { file, action: 'print' })).ok).toBe(true);
    expect(opened).toEqual([{ action: 'print', file }]);
    const outside = await secretary.send(contract.print.open, { file: dbFile, action: 'open' });
    expect(outside.ok ? null : outside.error.kind).toBe('validation');
    expect(opened).toHaveLength(1);

    const browser = directCaller(desktopless);
    await browser.value(contract.auth.login, { login: 'secretary', password: 'demo' });
    const refused = await browser.send(contract.print.open, { file, action: 'open' });
    expect(refused.ok ? null : refused.error.message).toMatch(/только в приложении/);
    // The browser downloads it instead: the same bytes, only from the print folder, and logged.
    const downloaded = await browser.value(contract.print.download, { file });
    expect(downloaded.fileName).toBe(path.basename(file));
    expect(Buffer.from(downloaded.base64, 'base64').equals(fs.readFileSync(file))).toBe(true);
    const foreign = await browser.send(contract.print.download, { file: dbFile });
    expect(foreign.ok ? null : foreign.error.kind).toBe('validation');
    const taken = desktopless.db.$client
      .prepare("select entity_id as file from audit_log where action = 'print.download'")
      .all() as { file: string }[];
    expect(taken).toEqual([{ file }]);
  });

  it('refuses a teacher', async () => {
    const r = await callers.teacher.send(contract.print.classes, {});
    expect(r.ok ? null : r.error.kind).toBe('forbidden');
  });

  it('prints the whole school as a job the screen polls, with every class and the act', async () => {
    const { jobId } = await secretary.value(contract.print.startSchool, {});
    let job!: PrintJob;
    const seen = new Set<number>();
    const poll = async () => {
      job = await secretary.value(contract.print.job, { jobId });
      seen.add(job.done);
      return job.status;
    };
    await expect.poll(poll, { timeout: 110_000, interval: 20 }).not.toBe('running');
    expect(job.status).toBe('done');
    expect(job.books).toHaveLength(11);
    expect(job.books.every((b) => b.error === null && b.file && fs.existsSync(b.file))).toBe(true);
    expect(fs.existsSync(job.act ?? '')).toBe(true);
    expect(seen.size).toBeGreaterThan(2); // progress was visible while it ran
    expect(await secretary.value(contract.print.cancel, { jobId })).toEqual({ cancelled: false });
  }, 120_000);

  it("audits printing, and a book with personal data as a view of each student's data", async () => {
    const sql = core.db.$client;
    const fifth = (
      sql
        .prepare(
          "select c.id from classes c join school_years y on y.id = c.year_id and y.is_current = 1 where c.grade = 5 and c.letter = 'А'",
        )
        .get() as { id: number }
    ).id;
    const before = (sql.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id;
    const book = await secretary.value(contract.print.classBook, { classId: fifth, personalData: true });
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
    expect((await secretary.send(contract.print.open, { file: book.file, action: 'print' })).ok).toBe(true);
    expect(
      sql.prepare("select count(*) as n from audit_log where action = 'print.send' and id > ?").get(before),
    ).toEqual({ n: 1 });
  });
});
