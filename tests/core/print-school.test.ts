import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { fixedClock } from '../../src/core/clock';
import { openDatabase, type Db } from '../../src/core/db/open';
import { generateDemoSchool } from '../../src/core/demo';
import { fontsDirFor } from '../../src/core/print';
import { writeSchool } from '../../src/core/print/school';
import { createServices } from '../../src/core/services';
import { AppError } from '../../src/shared/errors';
import { pdfPageCount, pdfPages } from '../helpers/pdf';
import { migrationsFolder, tempDir } from '../helpers/temp';

const dir = tempDir('zhurnal-school-');
const dbFile = path.join(dir, 'school.db');
let db: Db;

beforeAll(() => {
  db = openDatabase(dbFile, { migrationsFolder, create: true });
  generateDemoSchool(db, { tier: 'small', years: 1, today: '2026-05-30' });
});

describe('the whole school', () => {
  it('writes every class book and the act listing each with its real sheet count', async () => {
    const out = path.join(dir, 'all');
    expect(await main(['print', '--db', dbFile, '--all', '--out-dir', out])).toBe(0);
    const classes = db.$client.prepare('select grade || letter as name from classes order by grade, letter').all() as {
      name: string;
    }[];
    const act = fs.readdirSync(out).find((f) => f.startsWith('Акт'));
    expect(act).toBeDefined();
    const actText = pdfPages(path.join(out, act as string)).join('\n');
    let total = 0;
    for (const { name } of classes) {
      const pages = pdfPageCount(path.join(out, `${name}.pdf`));
      total += pages;
      expect(actText).toMatch(new RegExp(`${name} класс .*\\s${pages}\\s`));
    }
    expect(actText).toContain(`Всего передано журналов: ${classes.length}, ${total} лист`);
  }, 120_000);

  it('goes on past a class that fails, names it in the act, and stops between classes when cancelled', async () => {
    const services = createServices({
      db,
      clock: fixedClock('2026-06-01T10:00:00'),
      fontsDir: () => fontsDirFor(migrationsFolder),
    });
    const { classes: list, year } = services.print.classes();
    const broken = list[1]?.id;
    const common = {
      yearName: year.name,
      options: { duplex: false, personalData: false },
      fontsDir: fontsDirFor(migrationsFolder),
      school: services.school,
    };
    const bookPdf = (id: number, o: { duplex: boolean; personalData: boolean }) => {
      if (id === broken) throw new AppError('not_found', 'нет данных класса');
      return services.print.bookPdf(id, o);
    };
    const result = await writeSchool({ ...common, list: list.slice(0, 3), outDir: path.join(dir, 'partial'), bookPdf });
    expect(result.books.map((b) => b.error)).toEqual([null, 'нет данных класса', null]);
    expect(pdfPages(result.act as string).join('\n')).toMatch(/не напечатан: нет данных класса/);

    const controller = new AbortController();
    const seen: string[] = [];
    const cancelled = await writeSchool({
      ...common,
      list,
      outDir: path.join(dir, 'cancelled'),
      bookPdf: services.print.bookPdf,
      progress: {
        signal: controller.signal,
        onProgress: (done, _t, current) => (current && seen.push(current), done === 2 && controller.abort()),
      },
    });
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.act).toBeNull();
    expect(cancelled.books).toHaveLength(3);
  }, 120_000);
});
