import path from 'node:path';
import { contract, type PrintJob } from '../../shared/contract';
import { openCommand, type CommandCore } from '../core';
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

/** How often the school run's job is asked how far it got, and how long it may make no progress. */
const pollMs = 100;
const stalledMs = 10 * 60_000;

/**
 * `zhurnal print`: one class's book (--class 5А --out FILE.pdf) or the whole school with the act
 * (--all --out-dir DIR). Exit code 1 when any class failed; the others are still written.
 */
export async function runPrint(args: PrintArgs): Promise<number> {
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (args.all === Boolean(args.className))
    throw new CliError('Укажите либо --class КЛАСС --out ФАЙЛ.pdf, либо --all --out-dir ПАПКА');
  // The files go where the user said, not into the print folder beside the database.
  const printTo = args.className
    ? { book: args.out && path.resolve(args.out) }
    : { school: args.outDir && path.resolve(args.outDir) };
  const core = openCommand({
    db: args.db,
    migrationsFolder: args.migrationsFolder,
    command: 'print',
    role: 'secretary',
    printTo,
  });
  try {
    const options = { duplex: args.duplex, personalData: args.personalData };
    if (args.className) {
      if (!args.out) throw new CliError('Укажите файл: --out ФАЙЛ.pdf');
      const classId = await findClass(core, args.className, args.year);
      const result = await core.call(contract.print.classBook, { classId, ...options });
      say(
        `${args.out}: страниц ${result.pages}, листов ${result.sheets}${result.issues ? `; замечаний проверки: ${result.issues}` : ''}`,
        `${args.out}: ${result.pages} pages, ${result.sheets} sheets${result.issues ? `; preflight issues: ${result.issues}` : ''}`,
      );
      return 0;
    }
    if (!args.outDir) throw new CliError('Укажите папку: --out-dir ПАПКА');
    const yearId = await yearByName(core, args.year);
    const { classes } = await core.call(contract.print.classes, yearId === undefined ? {} : { yearId });
    const { jobId } = await core.call(contract.print.startSchool, {
      ...options,
      ...(yearId === undefined ? {} : { yearId }),
    });
    const job = await followJob(
      core,
      jobId,
      classes.map((c) => c.name),
    );
    if (job.status === 'failed') throw new CliError(job.error ?? 'Печать не удалась');
    for (const b of job.books) {
      if (b.error) process.stderr.write(`${b.className}: не напечатан — ${b.error}\n`);
      else if (b.draft) process.stderr.write(`${b.className}: черновик — ${b.draft}\n`);
    }
    const failed = job.books.filter((b) => b.error).length;
    say(
      `Журналов: ${job.books.length - failed}, с ошибкой: ${failed}; акт передачи: ${job.act}`,
      `Books: ${job.books.length - failed}, failed: ${failed}; archive act: ${job.act}`,
    );
    return failed ? 1 : 0;
  } finally {
    core.close();
  }
}

/** The year given by name («2025/2026»); undefined without --year, and the services take the current one. */
async function yearByName(core: CommandCore, name: string | undefined): Promise<number | undefined> {
  if (name === undefined) return undefined;
  const year = (await core.call(contract.school.years, {})).find((y) => y.name === name);
  if (!year) throw new CliError(`Учебного года ${name} нет`);
  return year.id;
}

/** The class by its name as people write it («5А», «5а», «5 А», «5 "А"») among the year's classes. */
async function findClass(core: CommandCore, name: string, yearName: string | undefined): Promise<number> {
  const yearId = await yearByName(core, yearName);
  const choice = await core.call(contract.print.classes, yearId === undefined ? {} : { yearId });
  const m = /^\s*(\d{1,2})\s*[«"]?\s*([А-ЯЁа-яё])\s*[»"]?\s*$/.exec(name);
  if (!m) throw new CliError(`Класс «${name}» не похож на название класса (например, 5А)`);
  const letter = (m[2] as string).toUpperCase();
  const found = choice.classes.find((c) => c.name === `${Number(m[1])}${letter}`);
  if (!found)
    throw new CliError(
      `В ${choice.years.find((y) => y.id === choice.yearId)?.name} учебном году нет класса ${m[1]}${letter}`,
    );
  return found.id;
}

/**
 * Waits for the school run's job, saying «[i/n] class» as each class is begun. The job is only polled (it is
 * the print screen's), so a class begun and finished between two polls is said at the next one, in order;
 * the names come from the year's class list, in the order the job prints them.
 */
async function followJob(core: CommandCore, jobId: string, names: string[]): Promise<PrintJob> {
  let said = 0;
  let lastChange = Date.now();
  for (;;) {
    const job = await core.call(contract.print.job, { jobId });
    const begun = job.status === 'running' ? job.done + (job.current ? 1 : 0) : job.books.length;
    if (begun > said) lastChange = Date.now();
    for (; said < begun; said++)
      say(`[${said + 1}/${names.length}] ${names[said]}`, `[${said + 1}/${names.length}] ${names[said]}`);
    if (job.status !== 'running') return job;
    if (Date.now() - lastChange > stalledMs) {
      await core.call(contract.print.cancel, { jobId });
      throw new CliError(
        `Печать не продвигается ${stalledMs / 60_000} минут: остановлена после класса ${names[said - 1] ?? '—'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
