// What the rows of the permission table are made of, and the school's objects they name, shared by the
// table's files (rows.ts, rows-reports.ts, rows-school.ts).
import type { ErrorKind } from '../../../src/shared/errors';
import type { Role } from '../../../src/shared/roles';
import type { AccessSchool } from '../../helpers/access-school';
import type { Core } from '../../../src/core/app';

export type Who = Role | 'anonymous';

export interface Ctx {
  s: AccessSchool;
  core: Core;
  who: Who;
  tmp: string;
}

export interface ObjectCase {
  as: Role;
  input: (c: Ctx) => unknown;
  expect: 'ok' | ErrorKind;
  /** Why this object is (or is not) the actor's. */
  why: string;
}

export interface Row {
  /** Who passes the permission gate: anyone, anyone logged in, or holders of one of these roles. */
  allow: 'public' | 'session' | readonly Role[];
  /** A well-formed input; `{}` by default. The actor is passed so each role can use an object of its own. */
  input?: (c: Ctx) => unknown;
  /** What an allowed actor gets when it is not plain success (a conflict on a school that exists, say). */
  outcome?: ErrorKind | Partial<Record<Who, 'ok' | ErrorKind>>;
  /** Object-level checks: the same permission, someone else's object. */
  objects?: readonly ObjectCase[];
}

export const readers: readonly Role[] = ['admin', 'deputy', 'director', 'teacher', 'class_teacher'];
export const c5 = ({ s }: Ctx) => ({ classId: s.classes.c5 });
