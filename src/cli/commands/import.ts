import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind, ImportPreview, ImportRequest } from '../../shared/contract/imports';
import { contract } from '../../shared/contract';
import { parseDate } from '../../core/imports/values';
import { openCommand } from '../core';
import { CliError, say } from '../output';

export interface ImportArgs {
  kind?: string;
  db?: string;
  file?: string;
  dryRun: boolean;
  skipInvalid: boolean;
  className?: string;
  createClasses: boolean;
  orderNumber?: string;
  orderDate?: string;
  root: string;
}

function printErrors(preview: ImportPreview): void {
  for (const row of preview.rows) if (row.error) process.stderr.write(`строка ${row.line}: ${row.error}\n`);
  if (preview.errors > preview.rows.filter((r) => r.error).length)
    process.stderr.write(`… и другие: всего строк с ошибками ${preview.errors}\n`);
}

/**
 * `zhurnal import students|teachers`: the file checked row by row with the columns guessed from its headers.
 * Exit code 1 when any row is wrong (unless --skip-invalid); --dry-run checks and writes nothing.
 */
export async function runImport(args: ImportArgs): Promise<number> {
  const kind = args.kind as ImportKind | undefined;
  if (kind !== 'students' && kind !== 'teachers')
    throw new CliError('Что загружать: zhurnal import students|teachers --db ФАЙЛ --file ФАЙЛ');
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (!fs.existsSync(args.db)) throw new CliError(`Файл базы ${args.db} не найден`);
  if (!args.file) throw new CliError('Укажите файл со списком: --file ФАЙЛ.xlsx|csv');
  if (!fs.existsSync(args.file)) throw new CliError(`Файл ${args.file} не найден`);
  const core = openCommand({
    db: args.db,
    migrationsFolder: path.join(args.root, 'migrations'),
    command: `import ${kind}`,
    role: 'admin',
    owner: 'zhurnal import',
  });
  try {
    const file = { fileName: path.basename(args.file), contentBase64: fs.readFileSync(args.file).toString('base64') };
    const { mapping } = await core.call(contract.imports.inspect, { kind, ...file });
    let request: ImportRequest;
    if (kind === 'students') {
      const orderDate = args.orderDate ? parseDate(args.orderDate) : null;
      if (!args.orderNumber || !orderDate)
        throw new CliError('Ученики зачисляются приказом: укажите --order-number НОМЕР --order-date ДД.ММ.ГГГГ');
      request = {
        kind,
        ...file,
        mapping,
        options: {
          className: args.className,
          createClasses: args.createClasses,
          orderNumber: args.orderNumber,
          orderDate,
        },
      };
    } else {
      request = { kind, ...file, mapping };
    }
    const preview = await core.call(contract.imports.preview, request);
    printErrors(preview);
    say(
      `${args.file}: строк ${preview.total}; новых ${preview.new}, уже есть ${preview.exists}, с ошибками ${preview.errors}${preview.newClasses.length ? `; будут созданы классы ${preview.newClasses.join(', ')}` : ''}`,
      `${args.file}: ${preview.total} rows; ${preview.new} new, ${preview.exists} already there, ${preview.errors} with errors`,
    );
    if (preview.errors > 0 && !args.skipInvalid) {
      process.stderr.write(
        'Ничего не записано: исправьте строки с ошибками или добавьте --skip-invalid, чтобы пропустить их\n',
      );
      return 1;
    }
    if (args.dryRun) {
      say('Проверка (--dry-run): ничего не записано', 'Dry run: nothing written');
      return 0;
    }
    const result = await core.call(contract.imports.commit, { ...request, skipInvalid: args.skipInvalid });
    say(
      `Записано: ${result.created}${result.classesCreated.length ? `; созданы классы ${result.classesCreated.join(', ')}` : ''}`,
      `Written: ${result.created}`,
    );
    if (result.accounts.length > 0) {
      say(
        'Временные пароли (показываются один раз, при первом входе их нужно сменить):',
        'One-time passwords (shown once, changed at first login):',
      );
      for (const a of result.accounts) process.stdout.write(`${a.login}\t${a.password}\t${a.fullName}\n`);
    }
    return 0;
  } finally {
    core.close();
  }
}
