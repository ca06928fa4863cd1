import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/** SQLite's extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE …) share their primary code's prefix. */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function nodeCode(error: unknown): { code: string; path: string | null } | null {
  const e = error as { code?: unknown; path?: unknown } | null;
  if (typeof e?.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return null;
  return { code: e.code, path: typeof e.path === 'string' ? e.path : null };
}

const noRoom = (where: string, outcome: string) =>
  `На диске, где хранится ${where}, нет места: освободите место (удалите ненужные файлы или перенесите старые копии на другой носитель). ${outcome}`;

/** What became of the work: a call's change is lost, a start does not happen. */
const outcomes = {
  call: {
    noRoom: 'Изменение не сохранено; после освобождения места Журнал продолжит работу сам.',
    lost: 'изменение не сохранено',
  },
  start: { noRoom: 'Журнал не запущен.', lost: 'Журнал не запущен' },
};

/**
 * Names a failure of the disk or of the database file in Russian, as an AppError the renderer shows with its
 * message; null for anything else, which stays an internal error (a bug). `dbFile` says which file is meant.
 */
export function storageFailure(error: unknown, dbFile?: string, when: 'call' | 'start' = 'call'): AppError | null {
  const outcome = outcomes[when];
  const file = dbFile ? ` (${dbFile})` : '';
  const folder = dbFile ? ` (папка ${path.dirname(path.resolve(dbFile))})` : '';
  const sqlite = sqliteCode(error);
  if (sqlite) {
    if (sqlite.startsWith('SQLITE_FULL')) return new AppError('io', noRoom(`журнал${folder}`, outcome.noRoom));
    if (sqlite.startsWith('SQLITE_READONLY')) {
      return new AppError(
        'io',
        `Файл базы данных${file} или его папка доступны только для чтения: ${outcome.lost}. Администратор компьютера должен дать Журналу право записи в них.`,
      );
    }
    if (sqlite.startsWith('SQLITE_BUSY') || sqlite.startsWith('SQLITE_LOCKED')) {
      // Nothing was written: a write transaction takes the lock at BEGIN (db/write.ts), so the call may be sent again.
      const retryable = when === 'call' ? { retryable: true } : undefined;
      return new AppError(
        'conflict',
        `База данных${file} занята другой программой: ${outcome.lost}; повторите через несколько секунд.`,
        retryable,
      );
    }
    if (sqlite.startsWith('SQLITE_CORRUPT') || sqlite === 'SQLITE_NOTADB') {
      return new AppError(
        'io',
        `Файл базы данных${file} повреждён: ${outcome.lost}. Закройте Журнал и восстановите базу из резервной копии.`,
      );
    }
    if (sqlite.startsWith('SQLITE_IOERR') || sqlite.startsWith('SQLITE_CANTOPEN')) {
      return new AppError(
        'io',
        `Ошибка диска при работе с базой данных${file}: ${outcome.lost}. Проверьте диск или носитель, на котором хранится журнал.`,
      );
    }
    return null;
  }
  const node = nodeCode(error);
  if (!node) return null;
  const target = node.path ? `: ${node.path}` : '';
  if (node.code === 'ENOSPC' || node.code === 'EDQUOT')
    return new AppError('io', noRoom(node.path ? `файл ${node.path}` : `журнал${folder}`, outcome.noRoom));
  if (node.code === 'EROFS') return new AppError('io', `Диск доступен только для чтения, запись невозможна${target}`);
  if (node.code === 'EACCES' || node.code === 'EPERM')
    return new AppError(
      'io',
      `Нет прав на запись или чтение${target}. Администратор компьютера должен дать Журналу доступ.`,
    );
  if (node.code === 'EIO')
    return new AppError('io', `Ошибка диска при чтении или записи${target}. Проверьте диск или носитель.`);
  return null;
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to start on a read-only database file or folder (the folder holds SQLite's -wal and -shm files and
 * the lock): otherwise the journal would open, and every login and save would fail. As root everything is
 * writable here; a read-only mount is then caught by SQLite itself, see probeWrite in open.ts.
 */
export function refuseReadOnly(file: string): void {
  const folder = path.dirname(path.resolve(file));
  const which =
    fs.existsSync(file) && !writable(file)
      ? `Файл базы данных ${file} доступен`
      : !writable(folder)
        ? `Папка базы данных ${folder} доступна`
        : null;
  if (which) {
    throw new AppError(
      'io',
      `${which} только для чтения: Журнал не смог бы сохранить ни одного изменения и не запущен. Администратор компьютера должен дать право записи в файл и в его папку (там хранятся служебные файлы базы).`,
    );
  }
}
