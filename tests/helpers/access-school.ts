// The tiny school (tiny-school.ts) with one account per role of docs/DOMAIN.md, a substitution, and an account
// holding every role: what the permission table test and the fuzz test log in as.
import type { Core } from '../../src/core/app';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import type { Role } from '../../src/shared/roles';
import { directCaller, type Caller } from './core';
import { addAccount, buildTinySchool } from './tiny-school';

/** One account per role; `class_teacher` is klruk, who (as in every school) is also a subject teacher. */
export const roleLogins = {
  admin: 'admin',
  deputy: 'zavuch',
  director: 'director',
  teacher: 'math',
  class_teacher: 'klruk',
  secretary: 'secretary',
} as const satisfies Record<Role, string>;

export const password = 'demo';

export function buildAccessSchool(core: Core) {
  const school = buildTinySchool(core.db);
  const w = writers(core.db.$client);
  const at = '2025-08-20 10:00:00';
  const user = (login: string, last: string, roles: readonly Role[]) => addAccount(core.db, login, last, roles);
  const admin = user('admin', 'Админова', ['admin']);
  const director = user('director', 'Директорова', ['director']);
  const secretary = user('secretary', 'Секретарёва', ['secretary']);
  // For the admin's calls that change an account: never one the tests log in with.
  const spare = user('spare', 'Запасова', ['teacher']);
  const root = user('root', 'Всемогущева', ['admin', 'deputy', 'director', 'teacher', 'class_teacher', 'secretary']);
  const { assignments: a, users: u } = school;
  // 8 September: math (a teacher of 5А's maths) gave klruk's Russian lesson as a substitute.
  const substituted = w.lesson(
    a.rus5,
    '2025-09-08',
    1,
    'Тема',
    'Задание',
    school.kinds.lessonKind,
    null,
    u.math,
    'held',
    at,
    at,
    null,
    at,
  );
  // The tiny school's lessons are all recorded as given by klruk; this maths lesson math gave.
  const mathOwn = w.lesson(
    a.mat5,
    '2025-09-10',
    2,
    'Тема',
    'Задание',
    school.kinds.lessonKind,
    null,
    u.math,
    'held',
    at,
    at,
    null,
    at,
  );
  const klrukOnly = w.lesson(
    a.rus5,
    '2025-09-09',
    1,
    'Тема',
    'Задание',
    school.kinds.lessonKind,
    null,
    u.klruk,
    'held',
    at,
    at,
    null,
    at,
  );
  return { ...school, extraUsers: { admin, director, secretary, spare, root }, substituted, klrukOnly, mathOwn };
}
export type AccessSchool = ReturnType<typeof buildAccessSchool>;

/** One of the school's accounts, logged in, for typed calls. */
export async function loggedIn(core: Core, login: string): Promise<Caller> {
  const caller = directCaller(core);
  await caller.value(contract.auth.login, { login, password });
  return caller;
}

/**
 * A logged-in caller by channel name, for the permission matrix and the fuzzers, which call every channel: it
 * logs in again whenever its session ended (after auth:logout, say).
 */
export function sessionCaller(core: Core, login: string) {
  const { call, invoke, send } = directCaller(core);
  return async (channel: string, input: unknown = {}) => {
    if (!call.sessionToken) {
      const res = await send(contract.auth.login, { login, password });
      if (!res.ok) throw new Error(`login ${login}: ${res.error.message}`);
    }
    return invoke(channel, input);
  };
}
