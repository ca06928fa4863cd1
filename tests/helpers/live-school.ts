import type Database from 'better-sqlite3';

/** The journal and class of a lesson in the demo school. */
export function lessonScope(sql: Database.Database, lessonId: number) {
  return sql
    .prepare(
      'select a.id as assignmentId, a.class_id as classId from lessons l join assignments a on a.id = l.assignment_id where l.id = ?',
    )
    .get(lessonId) as { assignmentId: number; classId: number };
}

/** The login of a class's class teacher. */
export function classTeacherOf(sql: Database.Database, classId: number): string {
  const row = sql
    .prepare('select u.login from classes c join users u on u.id = c.class_teacher_id where c.id = ?')
    .get(classId) as { login: string } | undefined;
  if (!row) throw new Error(`Class ${classId} has no class teacher`);
  return row.login;
}

/** A teacher who reads no journal of the class: none of theirs in it, not its class teacher, never a substitute there. */
export function outsiderOf(sql: Database.Database, classId: number): string {
  const row = sql
    .prepare(
      `select login from users where login like 'teacher%'
         and id not in (select teacher_id from assignments where class_id = ?)
         and id not in (select coalesce(class_teacher_id, 0) from classes where id = ?)
         and id not in (select l.given_by_id from lessons l join assignments a on a.id = l.assignment_id where a.class_id = ?)
       order by login limit 1`,
    )
    .get(classId, classId, classId) as { login: string } | undefined;
  if (!row) throw new Error(`The demo school has no teacher outside class ${classId}`);
  return row.login;
}
