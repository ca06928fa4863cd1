import path from 'node:path';
import { systemClock } from '../../core/clock';
import { openDatabase } from '../../core/db/open';
import { fontsDirFor } from '../../core/print/fonts';
import { cliOrigin } from '../../core/audit/origin';
import { createServices } from '../../core/services';
import { cliActor } from '../actor';
import { CliError, say } from '../output';

export interface PrintArgs {
  db: string;
  className?: string;
  year?: string;
  all: boolean;
  duplex: boolean;
  personalData: boolean;
  out?: string;
  outDir?: string;
  migrationsFolder: string;
}

/**
 * `zhurnal print`: one class's book (--class 5А --out FILE.pdf) or the whole school with the act
 * (--all --out-dir DIR). Exit code 1 when any class failed; the others are still written.
 */
export async function runPrint(args: PrintArgs): Promise<number> {
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (args.all === Boolean(args.className)) throw new CliError('Укажите либо --class КЛАСС --out ФАЙЛ.pdf, либо --all --out-dir ПАПКА');
  const db = openDatabase(args.db, { migrationsFolder: args.migrationsFolder });
  try {
    const services = createServices({ db, clock: systemClock, fontsDir: () => fontsDirFor(args.migrationsFolder), origin: cliOrigin('print') });
    const actor = cliActor('secretary');
    const options = { duplex: args.duplex, personalData: args.personalData };
    if (args.className) {
      if (!args.out) throw new CliError('Укажите файл: --out ФАЙЛ.pdf');
      const classId = services.print.findClass(args.className, args.year);
      const draft = services.print.withDraftNote(classId, options);
      const result = await services.print.writeBook(actor, classId, draft.options, args.out);
      say(
        `${args.out}: страниц ${result.pages}, листов ${result.sheets}${draft.issues ? `; замечаний проверки: ${draft.issues}` : ''}`,
        `${args.out}: ${result.pages} pages, ${result.sheets} sheets${draft.issues ? `; preflight issues: ${draft.issues}` : ''}`,
      );
      return 0;
    }
    if (!args.outDir) throw new CliError('Укажите папку: --out-dir ПАПКА');
    const yearId = args.year ? services.school.years().find((y) => y.name === args.year)?.id : undefined;
    if (args.year && yearId === undefined) throw new CliError(`Учебного года ${args.year} нет`);
    const result = await services.print.writeSchool(actor, yearId, options, path.resolve(args.outDir), {
      onProgress: (done, total, current) => current && say(`[${done + 1}/${total}] ${current}`, `[${done + 1}/${total}] ${current}`),
    });
    for (const b of result.books) {
      if (b.error) process.stderr.write(`${b.className}: не напечатан — ${b.error}\n`);
    }
    const failed = result.books.filter((b) => b.error).length;
    say(
      `Журналов: ${result.books.length - failed}, с ошибкой: ${failed}; акт передачи: ${result.act}`,
      `Books: ${result.books.length - failed}, failed: ${failed}; archive act: ${result.act}`,
    );
    return failed ? 1 : 0;
  } finally {
    db.$client.close();
  }
}
