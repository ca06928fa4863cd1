import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { assignments, lessons } from '../db/schema';

/** Who an audit entry is about, for the viewer's class, student and subject filters. */
export interface AuditContext {
  classId?: number | null;
  studentId?: number | null;
  subjectId?: number | null;
}

const int = (s: string | undefined): number | null => {
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

const idField = (value: unknown, ...keys: string[]): number | null => {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  }
  return null;
};

// Every save's audit entry names its class and subject through these two.
const assignmentContext = preparedPerDb((db) =>
  db
    .select({ classId: assignments.classId, subjectId: assignments.subjectId })
    .from(assignments)
    .where(eq(assignments.id, sql.placeholder('assignmentId')))
    .prepare(),
);
const lessonAssignment = preparedPerDb((db) =>
  db
    .select({ assignmentId: lessons.assignmentId })
    .from(lessons)
    .where(eq(lessons.id, sql.placeholder('lessonId')))
    .prepare(),
);

/**
 * Works out the context from what every entry already says — its entity and id, and ids named in its values —
 * so that the call sites stay one line and an entry written by code added later is still found by class or
 * student when it follows the same conventions. One indexed lookup at most, inside the writer's transaction.
 */
export function contextOf(db: Db, entity: string, entityId: string | null, values: readonly unknown[]): AuditContext {
  const parts = (entityId ?? '').split(':');
  const ofAssignment = (assignmentId: number | null) => {
    if (assignmentId === null) return {};
    return assignmentContext(db).get({ assignmentId }) ?? {};
  };
  const ofLesson = (lessonId: number | null) => {
    if (lessonId === null) return {};
    const row = lessonAssignment(db).get({ lessonId });
    return row ? ofAssignment(row.assignmentId) : {};
  };
  const named: AuditContext = {
    classId: values.map((v) => idField(v, 'classId', 'toClassId', 'fromClassId')).find((v) => v !== null) ?? null,
    studentId: values.map((v) => idField(v, 'studentId')).find((v) => v !== null) ?? null,
    subjectId: values.map((v) => idField(v, 'subjectId')).find((v) => v !== null) ?? null,
  };
  switch (entity) {
    case 'cell': // lessonId:studentId
      return { ...named, ...ofLesson(int(parts[0])), studentId: int(parts[1]) };
    case 'lesson':
      return { ...named, ...ofLesson(int(parts[0])) };
    case 'thematic_plan':
    case 'assignment':
      return { ...named, ...ofAssignment(int(parts[0])) };
    case 'period_mark': // studentId:subjectId:kind:periodId
      return { ...named, studentId: int(parts[0]), subjectId: int(parts[1]) };
    case 'attendance_week': // classId:monday
    case 'class':
      return { ...named, classId: int(parts[0]) };
    case 'student':
      return { ...named, studentId: int(parts[0]) };
    default:
      return named;
  }
}
