import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JournalOwner } from '../core/db/owner-lock';
import { isLoopback } from '../host/guard';
import { tlsDirFor } from '../host/tls/certificate';
import { AppError } from '../shared/errors';
import type { PinnedServer } from './network/transport';

/** The button of «Журнал уже открыт» that opens the running program's journal as its client instead. */
export const connectToOwnerButton = 'Подключиться к нему';

function ownerOf(error: unknown): JournalOwner | null {
  if (!(error instanceof AppError) || error.kind !== 'conflict') return null;
  const owner = (error.details as { owner?: JournalOwner | null } | undefined)?.owner;
  return owner ?? null;
}

/**
 * What the person is told when the journal could not be opened at start. Another program holding the file
 * (db/owner-lock.ts) is not a damaged database: the dialog says who holds it and where to work instead.
 */
export function openFailureDialog(error: unknown, file: string): { title: string; content: string } {
  if (error instanceof AppError && error.kind === 'conflict' && ownerOf(error) !== null) {
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

/**
 * Where the program holding the file serves it, as a server this app can connect to: its announced address
 * (the owner file) and the certificate it keeps beside the very same file, which is why no connection code is
 * asked. Null when it serves nothing (an import, a restore) or is gone.
 */
export function ownerServer(error: unknown, file: string): PinnedServer | null {
  const owner = ownerOf(error);
  if (!owner?.address) return null;
  let url: URL;
  try {
    url = new URL(owner.address);
  } catch {
    return null;
  }
  const announced = url.hostname.replace(/^\[|\]$/g, '');
  const here = owner.host.toLowerCase() === os.hostname().toLowerCase();
  // A server on another computer announces its loopback address too: reach it by that computer's name.
  const host = isLoopback(announced) && !here ? owner.host : announced;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (url.protocol === 'http:') return here && isLoopback(host) ? { host, port, certPem: null } : null;
  try {
    return { host, port, certPem: fs.readFileSync(path.join(tlsDirFor(file), 'cert.pem'), 'utf8') };
  } catch {
    return null;
  }
}
