import type { DesktopMode } from '../shared/desktop';

/** «О программе»: the release, and on a client which server it uses (and how to change it). */
export function aboutText(version: string, mode: DesktopMode): string {
  const lines = [`Журнал, версия ${version}`, ''];
  if (mode.mode === 'client' && mode.server) {
    const { address, schoolName, fingerprint, saved } = mode.server;
    lines.push(
      `Этот компьютер работает с журналом школьного сервера ${address}${schoolName ? ` («${schoolName}»)` : ''}.`,
      'Данные школы хранятся на сервере, на этом компьютере их нет.',
    );
    if (fingerprint) lines.push(`Сертификат сервера (SHA-256): ${fingerprint}`);
    lines.push(
      saved
        ? 'Подключить этот компьютер к другому серверу может администратор ЭЖ: «Другой сервер…» на экране входа.'
        : 'Подключение только на этот запуск: при следующем запуске откроется журнал этого компьютера.',
    );
  } else if (mode.mode === 'local') {
    lines.push('Журнал хранится на этом компьютере.');
  } else {
    lines.push('Журнал ещё не выбран.');
  }
  return lines.join('\n');
}
