import fs from 'node:fs';
import path from 'node:path';
import { demoTier, isoDate, type DemoTier } from '../../shared/contract/common';
import { localDate, systemClock } from '../../core/clock';
import { openDatabase } from '../../core/db/open';
import { claimJournal } from '../../core/db/owner-lock';
import { generateDemoSchool } from '../../core/demo';
import { auditCommand } from '../audit';
import { CliError, say } from '../output';

export interface DemoArgs {
  db: string;
  tier: string;
  years: number;
  seed?: number;
  today?: string;
  migrationsFolder: string;
}

/**
 * `zhurnal demo`: a new file with the demonstration school. An existing file is never touched. It makes the
 * file itself, before any core exists, and takes what setup:createDemo does not (years, seed, date).
 */
export function runDemo(args: DemoArgs) {
  const tier = demoTier.safeParse(args.tier);
  if (!tier.success) throw new CliError(`Неизвестный размер школы «${args.tier}»: small, typical или large`);
  if (!Number.isInteger(args.years) || args.years < 1 || args.years > 10)
    throw new CliError('--years: целое число от 1 до 10');
  if (args.seed !== undefined && !Number.isSafeInteger(args.seed)) throw new CliError('--seed: целое число');
  if (args.today !== undefined && !isoDate.safeParse(args.today).success)
    throw new CliError(`--today: нет такой даты «${args.today}», нужна ГГГГ-ММ-ДД`);
  const refuseExisting = () => {
    if (fs.existsSync(args.db))
      throw new CliError(`Файл ${args.db} уже существует: демонстрационная школа создаётся только в новом файле`);
  };
  refuseExisting();
  fs.mkdirSync(path.dirname(path.resolve(args.db)), { recursive: true });
  // Held until the school is whole, so a server started on the same file meanwhile is refused, not half-served.
  const lock = claimJournal(args.db, 'zhurnal demo');
  try {
    refuseExisting(); // again under the lock: another demo may have made it meanwhile
    return writeDemo(args, tier.data);
  } finally {
    lock.release();
  }
}

function writeDemo(args: DemoArgs, tier: DemoTier) {
  const started = Date.now();
  const options = { tier, years: args.years, seed: args.seed, today: args.today ?? localDate(systemClock.now()) };
  const db = openDatabase(args.db, { migrationsFolder: args.migrationsFolder, create: true });
  let summary: ReturnType<typeof generateDemoSchool>;
  try {
    summary = generateDemoSchool(db, options);
  } finally {
    db.$client.close();
  }
  // As the setup wizard's demo is: the log says this school is made up, and here which command made it.
  auditCommand(args.db, args.migrationsFolder, 'demo', { action: 'school.demo', entity: 'school', newValue: options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(
    `Демонстрационная школа создана в ${args.db} за ${seconds} с: классов ${summary.classes}, учеников ${summary.students}, уроков ${summary.lessons}, отметок ${summary.marks}, пропусков ${summary.absences}`,
    `Demo school written to ${args.db} in ${seconds} s: ${summary.classes} classes, ${summary.students} students, ${summary.lessons} lessons, ${summary.marks} marks, ${summary.absences} absences`,
  );
  return summary;
}
