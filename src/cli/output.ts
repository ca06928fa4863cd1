import { hiddenCharacter } from '../shared/contract/text';

/** The CLI speaks Russian unless LANG says otherwise; messages are one line each. */
export const lang: 'ru' | 'en' = (process.env.ZHURNAL_LANG ?? process.env.LANG ?? 'ru').toLowerCase().startsWith('en')
  ? 'en'
  : 'ru';

export function say(ru: string, en: string): void {
  process.stdout.write(`${lang === 'en' ? en : ru}\n`);
}

export class CliError extends Error {}

/** node:util parseArgs speaks English only; its refusals of malformed arguments are retold in Russian. */
export function argumentError(e: unknown): CliError | null {
  const { code, message } = e as { code?: string; message?: string };
  const option = /'(--?[\w-]+)/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`Неизвестный параметр ${option}. Список параметров: zhurnal help`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new CliError(
        /ambiguous/.test(message ?? '')
          ? `Значение ${option} начинается с дефиса: напишите ${option}=ЗНАЧЕНИЕ`
          : `Параметру ${option} нужно значение`,
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError('Лишний аргумент в командной строке. Справка: zhurnal help');
    default:
      return null;
  }
}

const hiddenEverywhere = new RegExp(hiddenCharacter.source, 'g');

/**
 * An error as the one line the CLI promises: a value echoed from the command line (a class name, a file)
 * may hold line breaks, bidi overrides or a megabyte of text, which would break the line, flip it on the
 * terminal or flood it; they are shown as «⏎» and «�», and the line is cut at 500 characters.
 */
export function oneLine(message: string): string {
  const flat = message
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '⏎')
    .replace(/\t/g, ' ')
    .replace(hiddenEverywhere, '�');
  return flat.length > 500 ? `${flat.slice(0, 500)}…` : flat;
}
