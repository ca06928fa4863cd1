import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { appRoot } from '../core/paths';
import { runBackup, runRestore, runVerify } from './commands/backup';
import { runDemo } from './commands/demo';
import { runImport } from './commands/import';
import { runReport, cliReportNames } from './commands/report';
import { runPrint } from './commands/print';
import { runServe } from './commands/serve';
import { runVerifyAudit } from './commands/verify-audit';
import { argumentError, CliError, lang, oneLine } from './output';

const help = {
  ru: `zhurnal — электронный классный журнал

Команды:
  demo  --db ФАЙЛ [--tier small|typical|large] [--years N] [--seed N] [--today ГГГГ-ММ-ДД]
        создать демонстрационную школу в новом файле (существующий файл не трогается)
  serve (--db ФАЙЛ | --demo [--tier small]) [--port 8080] [--host 127.0.0.1]
        открыть журнал в браузере; по умолчанию только на этом компьютере
  report ОТЧЁТ --db ФАЙЛ [--class 5А] [--period 2|«2 четверть»|год] [--month ГГГГ-ММ] [--level class|subject|teacher|grade|school]
        [--year 2025/2026] [--student ID] [--date ГГГГ-ММ-ДД] [--from …] [--to …] --format pdf|xlsx|json --out ФАЙЛ
        отчёт по базе (читает всю школу, ничего не меняет); отчёты: ${cliReportNames.join(', ')}
        control --from … --to … — контроль ведения журнала: темы, д/з, отметки и пропуски позже срока, уроки без
        посещаемости, работы, не проверенные к сроку, записи не на русском, недели посещаемости без подтверждения,
        отметки за период, не выставленные к сроку (срок — в календаре: «Администрирование → Школа»)
  print --db ФАЙЛ --class 5А [--year 2025/2026] [--duplex] [--personal-data] --out ФАЙЛ.pdf
        напечатать журнал класса в PDF для переплёта
  print --db ФАЙЛ --all [--year 2025/2026] [--duplex] --out-dir ПАПКА
        журналы всех классов и акт передачи в архив
  backup --db ФАЙЛ --to ПАПКА [--to ПАПКА …] [--unencrypted] [--json]
        резервная копия на несколько носителей, зашифрованная ключом школы; код 0, только если все копии
        записаны и проверены; --unencrypted — без шифрования (в имени файла: НЕ-ЗАШИФРОВАНО)
  verify-backup ФАЙЛ [--key-file КЛЮЧ] [--passphrase-file ФАЙЛ] [--json]
        проверить копию: расшифровка (файл бумажного ключа; пароль — файла ключа или старой копии),
        контрольная сумма, целостность, что в ней
  verify-audit --db ФАЙЛ [--json]
        проверить, что журнал действий не изменён вне программы (код 0 — цепочка цела)
  restore --db ФАЙЛ --from КОПИЯ [--key-file КЛЮЧ] [--passphrase-file ФАЙЛ]
        восстановить базу из копии (Журнал должен быть закрыт); прежняя база сохраняется рядом
  import students|teachers --db ФАЙЛ --file СПИСОК.xlsx|csv [--dry-run] [--skip-invalid]
        [--class 5А] [--create-classes] [--order-number НОМЕР --order-date ДД.ММ.ГГГГ]
        загрузить учащихся (с приказом о зачислении) или учителей (с временными паролями); код 1, если в файле
        есть ошибки; --dry-run только проверяет
  help  эта справка (ZHURNAL_LANG=en — по-английски)`,
  en: `zhurnal — the school's electronic class journal

Commands:
  demo  --db FILE [--tier small|typical|large] [--years N] [--seed N] [--today YYYY-MM-DD]
        create the demo school in a new file (an existing file is never touched)
  serve (--db FILE | --demo [--tier small]) [--port 8080] [--host 127.0.0.1]
        serve the journal to browsers; on this computer only by default
  report NAME --db FILE [--class 5А] [--period 2|year] [--month YYYY-MM] [--level class|subject|teacher|grade|school]
        [--year 2025/2026] [--student ID] [--date YYYY-MM-DD] [--from …] [--to …] --format pdf|xlsx|json --out FILE
        a report from the database (reads the whole school, changes nothing); reports: ${cliReportNames.join(', ')}
        control --from … --to … checks the journals: topics, homework, marks and absences entered late, lessons with
        no attendance, works not marked in time, entries not in Russian, attendance weeks left unconfirmed, period
        marks missing after their due date (set in the calendar)
  print --db FILE --class 5А [--year 2025/2026] [--duplex] [--personal-data] --out FILE.pdf
        one class's book as a PDF for binding
  print --db FILE --all [--year 2025/2026] [--duplex] --out-dir DIR
        every class's book and the act of handing them to the archive
  backup --db FILE --to DIR [--to DIR …] [--unencrypted] [--json]
        back up to several drives, encrypted to the school's key; exit 0 only if every copy was written and
        verified; --unencrypted makes a plain copy (named НЕ-ЗАШИФРОВАНО)
  verify-backup FILE [--key-file KEY] [--passphrase-file FILE] [--json]
        check a backup: decryption (the paper key's file; the passphrase of that file or of an old copy), hash,
        integrity, what it holds
  verify-audit --db FILE [--json]
        check that the audit log was not edited outside the app (exit 0: the chain is whole)
  restore --db FILE --from BACKUP [--key-file KEY] [--passphrase-file FILE]
        restore the database from a backup (with the app closed); the previous one is kept beside it
  import students|teachers --db FILE --file LIST.xlsx|csv [--dry-run] [--skip-invalid]
        [--class 5А] [--create-classes] [--order-number N --order-date DD.MM.YYYY]
        load students (enrolled by the order) or teachers (with one-time passwords); exit 1 when the file has
        errors; --dry-run only checks
  help  this text (ZHURNAL_LANG=ru for Russian)`,
};

const options = {
  db: { type: 'string' },
  tier: { type: 'string', default: 'small' },
  years: { type: 'string', default: '1' },
  seed: { type: 'string' },
  today: { type: 'string' },
  demo: { type: 'boolean', default: false },
  port: { type: 'string', default: '8080' },
  host: { type: 'string' },
  class: { type: 'string' },
  year: { type: 'string' },
  all: { type: 'boolean', default: false },
  duplex: { type: 'boolean', default: false },
  'personal-data': { type: 'boolean', default: false },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  to: { type: 'string', multiple: true },
  from: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'key-file': { type: 'string' },
  unencrypted: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  period: { type: 'string' },
  month: { type: 'string' },
  level: { type: 'string' },
  student: { type: 'string' },
  date: { type: 'string' },
  format: { type: 'string', default: 'json' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  'create-classes': { type: 'boolean', default: false },
  'order-number': { type: 'string' },
  'order-date': { type: 'string' },
} as const;

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    // `--year=` or `--passphrase-file ""` is a slip, not "no value": taken as absent it would print the
    // current year's book or make an unencrypted backup without a word.
    for (const [name, value] of Object.entries(values)) {
      if ([value].flat().some((v) => typeof v === 'string' && v.trim() === ''))
        throw new CliError(`Параметру --${name} нужно значение`);
    }
    const command = positionals[0] ?? 'help';
    const root = appRoot(__dirname);
    if (values.help || command === 'help') {
      process.stdout.write(`${help[lang]}\n`);
      return 0;
    }
    if (command === 'demo') {
      if (!values.db) throw new CliError('Укажите файл: --db ФАЙЛ');
      runDemo({
        db: values.db,
        tier: values.tier,
        years: Number(values.years),
        seed: values.seed === undefined ? undefined : Number(values.seed),
        today: values.today,
        migrationsFolder: `${root}/migrations`,
      });
      return 0;
    }
    if (command === 'serve') {
      await runServe({
        db: values.db,
        demo: values.demo,
        tier: values.tier,
        port: Number(values.port),
        host: values.host,
        root,
      });
      return 0;
    }
    if (command === 'report') {
      await runReport({
        name: positionals[1],
        db: values.db,
        className: values.class,
        period: values.period,
        month: values.month,
        level: values.level,
        year: values.year,
        student: values.student,
        date: values.date,
        from: values.from,
        to: values.to?.[0],
        format: values.format,
        out: values.out,
        root,
      });
      return 0;
    }
    if (command === 'print') {
      return await runPrint({
        db: values.db ?? '',
        className: values.class,
        year: values.year,
        all: values.all,
        duplex: values.duplex,
        personalData: values['personal-data'],
        out: values.out,
        outDir: values['out-dir'],
        migrationsFolder: `${root}/migrations`,
      });
    }
    if (command === 'backup') {
      return await runBackup({
        db: values.db,
        to: values.to ?? [],
        unencrypted: values.unencrypted,
        json: values.json,
        root,
      });
    }
    if (command === 'verify-backup') {
      return await runVerify({
        file: positionals[1],
        keyFile: values['key-file'],
        passphraseFile: values['passphrase-file'],
        json: values.json,
        root,
      });
    }
    if (command === 'verify-audit') return runVerifyAudit({ db: values.db, json: values.json });
    if (command === 'restore') {
      return await runRestore({
        db: values.db,
        from: values.from,
        keyFile: values['key-file'],
        passphraseFile: values['passphrase-file'],
        root,
      });
    }
    if (command === 'import') {
      return await runImport({
        kind: positionals[1],
        db: values.db,
        file: values.file,
        dryRun: values['dry-run'],
        skipInvalid: values['skip-invalid'],
        className: values.class,
        createClasses: values['create-classes'],
        orderNumber: values['order-number'],
        orderDate: values['order-date'],
        root,
      });
    }
    throw new CliError(`Неизвестная команда «${command}». Список команд: zhurnal help`);
  } catch (e) {
    const known = e instanceof CliError || e instanceof AppError ? e : argumentError(e);
    const message = known ? known.message : `Ошибка: ${(e as Error).message}`;
    process.stderr.write(`${oneLine(message)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
