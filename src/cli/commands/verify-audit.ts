import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readAuditKey, verifyChain } from '../../core/audit/chain';
import { describeChain } from '../../core/audit/chain-check';
import { CliError } from '../output';

/**
 * `zhurnal verify-audit --db FILE`: reads the log beside a running journal (read-only, no lock, no migration) and
 * says whether its chain is whole. Exit 0 only when it is.
 */
export function runVerifyAudit(args: { db?: string; json: boolean }): number {
  if (!args.db) throw new CliError('Укажите файл базы: --db ФАЙЛ');
  if (!fs.existsSync(args.db)) throw new CliError(`Файл базы ${args.db} не найден`);
  let client: Database.Database;
  try {
    client = new Database(args.db, { readonly: true, fileMustExist: true });
    client.pragma('busy_timeout = 5000');
  } catch (e) {
    throw new CliError(`Не удалось открыть базу ${args.db}: ${(e as Error).message}`);
  }
  try {
    const verdict = describeChain(verifyChain(client, readAuditKey(args.db)), args.db);
    process.stdout.write(`${args.json ? JSON.stringify(verdict) : verdict.summary}\n`);
    return verdict.whole ? 0 : 1;
  } catch (e) {
    if (/no such table|not a database/i.test((e as Error).message)) {
      throw new CliError(`Файл ${args.db} — не база данных Журнала`);
    }
    throw e;
  } finally {
    client.close();
  }
}
