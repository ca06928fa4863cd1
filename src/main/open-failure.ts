import { AppError } from '../shared/errors';

/**
 * What the person is told when the journal could not be opened at start. Another program holding the file
 * (db/owner-lock.ts) is not a damaged database: the dialog says who holds it and where to work instead.
 */
export function openFailureDialog(error: unknown, file: string): { title: string; content: string } {
  if (
    error instanceof AppError &&
    error.kind === 'conflict' &&
    (error.details as { owner?: unknown } | undefined)?.owner !== undefined
  ) {
    return {
      title: 'Журнал уже открыт',
      content: [error.message, '', 'Закройте другую программу и запустите Журнал снова, или работайте в ней.'].join(
        '\n',
      ),
    };
  }
  const reason =
    error instanceof AppError
      ? error.message
      : `Внутренняя ошибка программы: ${error instanceof Error ? error.message : String(error)}`;
  return {
    title: 'Журнал: не удалось открыть базу данных',
    content: [
      reason,
      '',
      `Файл базы данных: ${file}`,
      'Журнал не удалял и не заменял этот файл. Сохраните его копию и обратитесь к администратору',
      '(можно восстановить базу из резервной копии).',
    ].join('\n'),
  };
}
