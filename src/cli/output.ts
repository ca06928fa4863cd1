/** The CLI speaks Russian unless LANG says otherwise; messages are one line each. */
export const lang: 'ru' | 'en' = (process.env.ZHURNAL_LANG ?? process.env.LANG ?? 'ru').toLowerCase().startsWith('en') ? 'en' : 'ru';

export function say(ru: string, en: string): void {
  process.stdout.write(`${lang === 'en' ? en : ru}\n`);
}

export class CliError extends Error {}
