import { fullName } from '../../shared/names';
import type { ImportMapping } from '../../shared/contract/imports';
import { loginName } from '../../shared/contract/common';
import type { Db } from '../db/open';
import { users } from '../db/schema';
import { cellOf, readPersonName } from './columns';
import { capitalize, type PlannedRow } from './plan';
import type { TableRow } from './table';
import { loadCatalogue, readSubjects } from './subjects';
import { loginFor, nameKey } from './values';

export interface TeacherValue {
  lastName: string;
  firstName: string;
  middleName: string | null;
  login: string;
  /** The «Предметы» cell read against the school's subjects; new ones are created on writing. */
  subjects: string[];
}

/**
 * Every row of a teachers' list checked against the file and the accounts. A teacher already there is found by
 * the login the file gives, else by the full name, so importing the same file again creates nobody.
 */
export function planTeachers(db: Db, rows: TableRow[], mapping: ImportMapping): PlannedRow<TeacherValue>[] {
  const accounts = db
    .select({ login: users.login, lastName: users.lastName, firstName: users.firstName, middleName: users.middleName })
    .from(users)
    .all();
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  const byName = new Map<string, (typeof accounts)[number][]>();
  for (const a of accounts) {
    const key = nameKey(a.lastName, a.firstName, a.middleName);
    byName.set(key, [...(byName.get(key) ?? []), a]);
  }
  const catalogue = loadCatalogue(db);
  const loginsInFile = new Map<string, number>();
  const namesInFile = new Map<string, number>();

  return rows.map((row) => {
    const cell = (key: string) => cellOf(row.cells, mapping, key);
    const { lastName, firstName, middleName, errors } = readPersonName(row.cells, mapping);
    const key = nameKey(lastName, firstName, middleName);
    const person = fullName({ lastName, firstName, middleName });

    const given = cell('login').toLowerCase();
    if (given && !loginName.safeParse(given).success)
      errors.push(`логин «${given}» не подходит: от 3 до 32 латинских букв, цифр, точек, дефисов`);
    const sameName = byName.get(key) ?? [];
    let status: 'new' | 'exists' = 'new';
    let login = given;
    if (given) {
      const holder = byLogin.get(given);
      if (holder && nameKey(holder.lastName, holder.firstName, holder.middleName) !== key)
        errors.push(`логин «${given}» уже у другого пользователя: ${fullName(holder)}`);
      else if (holder) status = 'exists';
    } else if (sameName.length === 1 && sameName[0]) {
      status = 'exists';
      login = sameName[0].login;
    } else if (sameName.length > 1) {
      errors.push(`с таким ФИО уже ${sameName.length} пользователя: укажите логин в файле`);
    } else if (lastName && firstName) {
      login = freeLogin(loginFor(lastName, firstName, middleName), (l) => byLogin.has(l) || loginsInFile.has(l));
    }

    const sameLoginRow = login ? loginsInFile.get(login) : undefined;
    const sameNameRow = namesInFile.get(key);
    if (sameLoginRow !== undefined) errors.push(`повтор: логин «${login}» уже в строке ${sameLoginRow}`);
    else if (!given && sameNameRow !== undefined) errors.push(`повтор: этот учитель уже есть в строке ${sameNameRow}`);
    if (login) loginsInFile.set(login, row.line);
    if (lastName && firstName) namesInFile.set(key, row.line);

    const taught = readSubjects(cell('subjects'), catalogue);
    const tooLong = taught.find((t) => t.name.length > 100);
    if (tooLong) errors.push(`название предмета «${tooLong.name.slice(0, 40)}…» длиннее 100 знаков`);
    const subjectsNote = taught.length
      ? ` — ${taught.map((t) => (t.isNew ? `${t.name} (новый предмет)` : t.name)).join(', ')}`
      : '';
    const summary = `${login ? `${person} (${login})` : person}${subjectsNote}`;
    if (errors.length > 0)
      return { line: row.line, summary, status: 'error', error: capitalize(errors.join('; ')), value: null };
    return {
      line: row.line,
      summary,
      status,
      error: null,
      value: { lastName, firstName, middleName, login, subjects: taught.map((t) => t.name) },
    };
  });
}

function freeLogin(base: string, taken: (login: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}
