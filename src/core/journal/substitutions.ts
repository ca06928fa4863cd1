// Substitutions the administration records: who replaces an absent teacher on which lessons, and why. The
// lesson's givenById becomes the substitute, so writableLesson lets them fill those lessons at once.
import { eq } from 'drizzle-orm';
import { ruDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { SubstitutionLesson, SubstitutionRow } from '../../shared/contract/substitutions';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { lessons, substitutions } from '../db/schema';
import { writeTransaction } from '../db/write';
import { requireOpenYear } from '../years/closed';
import { requireWorkingTeacher, workingTeachers } from './teachers';

export const recordedSubstitution = (db: Db, lessonId: number) =>
  db.select().from(substitutions).where(eq(substitutions.lessonId, lessonId)).get();

/** «Фамилия И. О.», as shortName writes it, in SQL: the rows need no second pass. */
const short = (u: string) =>
  `${u}.last_name || ' ' || substr(${u}.first_name, 1, 1) || '.' || coalesce(' ' || substr(${u}.middle_name, 1, 1) || '.', '')`;

const lessonFrom = `from lessons l join assignments a on a.id = l.assignment_id join classes c on c.id = a.class_id
  join subjects sb on sb.id = a.subject_id left join subgroups g on g.id = a.subgroup_id`;
const lessonColumns = `l.id as lessonId, l.date, l.lesson_number as lessonNumber, c.grade || c.letter as className,
  sb.name || coalesce(' (' || g.name || ')', '') as subjectName, c.year_id as yearId`;

type RawRow = {
  id: number;
  lessonId: number;
  date: string;
  lessonNumber: number;
  className: string;
  subjectName: string;
  reason: string;
  absentTeacherId: number;
  substituteId: number;
  absentTeacherName: string;
  substituteName: string;
  recordedByName: string | null;
};

/** A recorded substitution with the ids of both teachers, for the reports' scope. */
export type SubstitutionFact = SubstitutionRow & { absentTeacherId: number; substituteId: number };

/** The substitutions on lessons dated from…to, in the order of the day: date, lesson number, class. */
export function substitutionFacts(db: Db, where: { from: string; to: string } | { ids: number[] }): SubstitutionFact[] {
  const byIds = 'ids' in where;
  if (byIds && where.ids.length === 0) return [];
  const rows = db.$client
    .prepare(
      `select s.id, s.reason, s.absent_teacher_id as absentTeacherId, s.substitute_id as substituteId,
              ${lessonColumns}, ${short('ua')} as absentTeacherName, ${short('us')} as substituteName,
              ${short('ur')} as recordedByName
       ${lessonFrom} join substitutions s on s.lesson_id = l.id
       join users ua on ua.id = s.absent_teacher_id join users us on us.id = s.substitute_id
       left join users ur on ur.id = s.recorded_by
       where ${byIds ? `s.id in (${where.ids.map(() => '?').join(',')})` : 'l.date between ? and ?'}
       order by l.date, l.lesson_number, c.grade, c.letter, s.id`,
    )
    .all(...(byIds ? where.ids : [where.from, where.to])) as RawRow[];
  return rows.map((r) => ({
    id: r.id,
    lessonId: r.lessonId,
    date: r.date,
    lessonNumber: r.lessonNumber,
    className: r.className,
    subjectName: r.subjectName,
    absentTeacherId: r.absentTeacherId,
    absentTeacherName: r.absentTeacherName,
    substituteId: r.substituteId,
    substituteName: r.substituteName,
    reason: r.reason,
    recordedByName: r.recordedByName,
  }));
}

const publicRow = ({ absentTeacherId: _a, substituteId: _s, ...row }: SubstitutionFact): SubstitutionRow => row;

interface TargetLesson {
  lessonId: number;
  date: string;
  lessonNumber: number;
  teacherId: number;
  givenById: number;
  status: string;
  yearId: number;
}

export type SubstitutionTarget =
  { kind: 'lesson'; lessonId: number } | { kind: 'range'; teacherId: number; from: string; to: string };

export function createSubstitutionService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const targetSql = `select l.id as lessonId, l.date, l.lesson_number as lessonNumber, a.teacher_id as teacherId,
    l.given_by_id as givenById, l.status, a.year_id as yearId from lessons l join assignments a on a.id = l.assignment_id`;

  function targetLessons(target: SubstitutionTarget): TargetLesson[] {
    if (target.kind === 'lesson') {
      const one = db.$client.prepare(`${targetSql} where l.id = ?`).get(target.lessonId) as TargetLesson | undefined;
      if (!one) throw new AppError('not_found', 'Такого урока нет');
      if (one.status === 'not_held')
        throw new AppError('validation', 'Урок отмечен как не проведённый: замена на него не записывается');
      return [one];
    }
    if (target.from > target.to) throw new AppError('validation', 'Начало периода позже его конца');
    const list = db.$client
      .prepare(
        `${targetSql} where a.teacher_id = ? and l.date between ? and ? and l.status <> 'not_held' order by l.date, l.lesson_number`,
      )
      .all(target.teacherId, target.from, target.to) as TargetLesson[];
    if (list.length === 0)
      throw new AppError(
        'validation',
        `У этого учителя нет уроков с ${ruDate(target.from)} по ${ruDate(target.to)}: заменять нечего`,
      );
    return list;
  }

  return {
    teachers: () => workingTeachers(db),

    lessons(input: { teacherId: number; from: string; to: string }): SubstitutionLesson[] {
      const rows = db.$client
        .prepare(
          `select ${lessonColumns}, l.status, s.id as sid, s.substitute_id as substituteId, s.reason, ${short('us')} as substituteName
           ${lessonFrom} left join substitutions s on s.lesson_id = l.id left join users us on us.id = s.substitute_id
           where a.teacher_id = ? and l.date between ? and ? order by l.date, l.lesson_number`,
        )
        .all(input.teacherId, input.from, input.to) as Array<
        Omit<SubstitutionLesson, 'substitution' | 'notHeld'> & {
          status: string;
          sid: number | null;
          substituteId: number;
          reason: string;
          substituteName: string;
        }
      >;
      return rows.map((r) => ({
        lessonId: r.lessonId,
        date: r.date,
        lessonNumber: r.lessonNumber,
        className: r.className,
        subjectName: r.subjectName,
        notHeld: r.status === 'not_held',
        substitution:
          r.sid === null
            ? null
            : { id: r.sid, substituteId: r.substituteId, substituteName: r.substituteName, reason: r.reason },
      }));
    },

    list: (range: { from: string; to: string }) => substitutionFacts(db, range).map(publicRow),

    record(actor: Actor, input: { target: SubstitutionTarget; substituteId: number; reason: string }) {
      requireWorkingTeacher(db, input.substituteId);
      const targets = targetLessons(input.target);
      for (const yearId of new Set(targets.map((t) => t.yearId))) requireOpenYear(db, yearId);
      if (targets.some((t) => t.teacherId === input.substituteId))
        throw new AppError('validation', 'Учитель не может заменять сам себя: выберите другого учителя');
      const at = localTimestamp(clock.now());
      const ids = writeTransaction(db, () =>
        targets.map((t) => {
          const before = recordedSubstitution(db, t.lessonId);
          const values = {
            lessonId: t.lessonId,
            absentTeacherId: t.teacherId,
            substituteId: input.substituteId,
            reason: input.reason,
            recordedBy: actor.userId,
            createdAt: at,
          };
          const id = before
            ? db.update(substitutions).set(values).where(eq(substitutions.id, before.id)).run() && before.id
            : db.insert(substitutions).values(values).returning({ id: substitutions.id }).get().id;
          db.update(lessons).set({ givenById: input.substituteId }).where(eq(lessons.id, t.lessonId)).run();
          audit.record({
            userId: actor.userId,
            action: 'substitution.record',
            entity: 'lesson',
            entityId: t.lessonId,
            oldValue: { givenById: t.givenById, ...(before ? { reason: before.reason } : {}) },
            newValue: { givenById: input.substituteId, reason: input.reason },
          });
          return id;
        }),
      );
      return substitutionFacts(db, { ids }).map(publicRow);
    },

    /** The lesson goes back to its own teacher; what the substitute entered on it stays, with its authorship. */
    cancel(actor: Actor, id: number) {
      const row = db.select().from(substitutions).where(eq(substitutions.id, id)).get();
      if (!row) throw new AppError('not_found', 'Такой замены нет');
      const target = db.$client.prepare(`${targetSql} where l.id = ?`).get(row.lessonId) as TargetLesson;
      requireOpenYear(db, target.yearId);
      writeTransaction(db, () => {
        db.delete(substitutions).where(eq(substitutions.id, id)).run();
        db.update(lessons).set({ givenById: target.teacherId }).where(eq(lessons.id, row.lessonId)).run();
        audit.record({
          userId: actor.userId,
          action: 'substitution.cancel',
          entity: 'lesson',
          entityId: row.lessonId,
          oldValue: { givenById: target.givenById, reason: row.reason },
          newValue: { givenById: target.teacherId },
        });
      });
      return { lessonId: row.lessonId };
    },
  };
}
export type SubstitutionService = ReturnType<typeof createSubstitutionService>;
