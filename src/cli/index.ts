import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { appRoot } from '../core/paths';
import { runDemo } from './commands/demo';
import { runPrint } from './commands/print';
import { runServe } from './commands/serve';
import { CliError, lang } from './output';

const help = {
  ru: `zhurnal — электронный классный журнал

Команды:
  demo  --db ФАЙЛ [--tier small|typical|large] [--years N] [--seed N] [--today ГГГГ-ММ-ДД]
        создать демонстрационную школу в новом файле (существующий файл не трогается)
  serve (--db ФАЙЛ | --demo [--tier small]) [--port 8080] [--host 127.0.0.1]
        открыть журнал в браузере; по умолчанию только на этом компьютере
  print --db ФАЙЛ --class 5А [--year 2025/2026] [--duplex] [--personal-data] --out ФАЙЛ.pdf
        напечатать журнал класса в PDF для переплёта
  print --db ФАЙЛ --all [--year 2025/2026] [--duplex] --out-dir ПАПКА
        журналы всех классов и акт передачи в архив
  help  эта справка (ZHURNAL_LANG=en — по-английски)`,
  en: `zhurnal — the school's electronic class journal

Commands:
  demo  --db FILE [--tier small|typical|large] [--years N] [--seed N] [--today YYYY-MM-DD]
        create the demo school in a new file (an existing file is never touched)
  serve (--db FILE | --demo [--tier small]) [--port 8080] [--host 127.0.0.1]
        serve the journal to browsers; on this computer only by default
  print --db FILE --class 5А [--year 2025/2026] [--duplex] [--personal-data] --out FILE.pdf
        one class's book as a PDF for binding
  print --db FILE --all [--year 2025/2026] [--duplex] --out-dir DIR
        every class's book and the act of handing them to the archive
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
  host: { type: 'string', default: '127.0.0.1' },
  class: { type: 'string' },
  year: { type: 'string' },
  all: { type: 'boolean', default: false },
  duplex: { type: 'boolean', default: false },
  'personal-data': { type: 'boolean', default: false },
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
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
      await runServe({ db: values.db, demo: values.demo, tier: values.tier, port: Number(values.port), host: values.host, root });
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
    throw new CliError(`Неизвестная команда «${command}». Список команд: zhurnal help`);
  } catch (e) {
    const message = e instanceof CliError || e instanceof AppError ? e.message : `Ошибка: ${(e as Error).message}`;
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
