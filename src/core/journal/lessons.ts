import { and, asc, eq, ne } from 'drizzle-orm';
import { ruDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import {
  absences,
  assignments,
  lessons,
  marks,
  schoolYears,
  thematicPlans,
  thematicPlanTopics,
  workKinds,
} from '../db/schema';
import { ownJournal, writableLesson } from './access';
import { recordedSubstitution } from './substitutions';
import { requireWorkingTeacher, workingTeachers } from './teachers';
import { readGridLesson } from './lessonView';
import { requireOpenOrReason } from './locks';
import { writeTransaction } from '../db/write';
import { refuseAsConflict, replayOf, saveOnce, type SaveOp } from './saves';

export interface LessonUpdate {
  lessonId: number;
  topic?: string | null;
  planTopicId?: number | null;
  homework?: string | null;
  workKindId?: number;
  givenById?: number;
  status?: 'held' | 'not_held';
  attendanceTaken?: true;
  reason?: string;
  /** The changed fields as the client last saw them; a field absent here is not checked. */
  expected?: Partial<Pick<LessonRow, SeenField>>;
  saveId?: string;
}

const seenFields = ['topic', 'planTopicId', 'homework', 'workKindId', 'givenById', 'status'] as const;
type SeenField = (typeof seenFields)[number];

type LessonRow = typeof lessons.$inferSelect;

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s && s.trim() ? s.trim() : null);

/** The lesson itself: topic, kind, homework, who gave it, held or not; extra and moved lessons. Every change audited. */
export function createLessonService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const today = () => localDate(clock.now());
  const now = () => localTimestamp(clock.now());

  function lockWhere(assignment: typeof assignments.$inferSelect, grade: number, date: string) {
    return { yearId: assignment.yearId, classId: assignment.classId, grade, date };
  }

  function requireInYear(yearId: number, date: string): void {
    const year = db.select().from(schoolYears).where(eq(schoolYears.id, yearId)).get();
    if (!year || date < year.startDate || date > year.endDate) {
      throw new AppError('validation', `Дата урока должна быть внутри учебного года${year ? ` ${year.name}` : ''}`);
    }
  }

  function requireFreeSlot(assignmentId: number, date: string, lessonNumber: number, except?: number): void {
    const taken = db
      .select({ id: lessons.id })
      .from(lessons)
      .where(
        and(
          eq(lessons.assignmentId, assignmentId),
          eq(lessons.date, date),
          eq(lessons.lessonNumber, lessonNumber),
          except ? ne(lessons.id, except) : undefined,
        ),
      )
      .get();
    if (taken)
      throw new AppError('conflict', `${lessonNumber}-й урок ${ruDate(date)} по этому предмету уже есть в журнале`, {
        refusal: 'exists',
      });
  }

  const hasEntries = (lessonId: number) =>
    !!db.select({ id: marks.id }).from(marks).where(eq(marks.lessonId, lessonId)).get() ||
    !!db.select({ id: absences.id }).from(absences).where(eq(absences.lessonId, lessonId)).get();

  function planTopic(assignmentId: number, topicId: number) {
    const topic = db
      .select({ id: thematicPlanTopics.id, title: thematicPlanTopics.title })
      .from(thematicPlanTopics)
      .innerJoin(thematicPlans, eq(thematicPlans.id, thematicPlanTopics.planId))
      .where(and(eq(thematicPlanTopics.id, topicId), eq(thematicPlans.assignmentId, assignmentId)))
      .get();
    if (!topic) throw new AppError('validation', 'Этой темы нет в тематическом планировании журнала');
    return topic;
  }

  /** The changes an update asks for, checked against the school's rules. */
  function changesOf(input: LessonUpdate, lesson: LessonRow, grade: number, assignmentId: number): Partial<LessonRow> {
    const next: Partial<LessonRow> = {};
    const topic = blankToNull(input.topic);
    const homework = blankToNull(input.homework);
    if (input.planTopicId !== undefined) {
      next.planTopicId = input.planTopicId;
      if (input.planTopicId !== null && topic === undefined)
        next.topic = planTopic(assignmentId, input.planTopicId).title;
      else if (input.planTopicId !== null) planTopic(assignmentId, input.planTopicId);
    }
    if (topic !== undefined) next.topic = topic;
    if (homework !== undefined) {
      if (grade === 1 && homework) throw new AppError('validation', 'В 1 классе домашние задания не задаются');
      next.homework = homework;
    }
    if (input.workKindId !== undefined && input.workKindId !== lesson.workKindId) {
      const kind = db.select().from(workKinds).where(eq(workKinds.id, input.workKindId)).get();
      if (!kind) throw new AppError('validation', 'Неизвестный вид работы');
      if (
        kind.isControl &&
        db
          .select({ id: marks.id })
          .from(marks)
          .where(and(eq(marks.lessonId, lesson.id), eq(marks.value1, 'н/а')))
          .get()
      ) {
        throw new AppError('validation', `«н/а» не ставится за работу вида «${kind.name}»: сначала исправьте отметки`);
      }
      next.workKindId = input.workKindId;
    }
    if (input.givenById !== undefined && input.givenById !== lesson.givenById) {
      requireWorkingTeacher(db, input.givenById);
      if (recordedSubstitution(db, lesson.id))
        throw new AppError(
          'conflict',
          'Замену на этот урок записала администрация: изменить, кто его провёл, может завуч в разделе «Замены»',
        );
      next.givenById = input.givenById;
    }
    if (input.status === 'not_held' && lesson.status !== 'not_held') {
      if (hasEntries(lesson.id))
        throw new AppError(
          'validation',
          'На уроке есть отметки или пропуски: сначала снимите их, потом отметьте, что урок не проведён',
        );
      next.status = 'not_held';
    } else if (input.status === 'held') next.status = 'held';
    if (input.attendanceTaken && lesson.date > today())
      throw new AppError('validation', 'Урок ещё не прошёл: посещаемость отметить нельзя');
    // Filling a past or today's lesson records it as held; a future one may get its topic and homework in advance.
    const filling = next.topic || next.homework || input.attendanceTaken;
    if (filling && lesson.status === 'planned' && lesson.date <= today() && next.status === undefined)
      next.status = 'held';
    if (input.attendanceTaken && !lesson.attendanceTakenAt) next.attendanceTakenAt = now();
    if (next.topic && !lesson.topicEnteredAt) next.topicEnteredAt = now();
    if (next.homework && !lesson.homeworkEnteredAt) next.homeworkEnteredAt = now();
    return next;
  }

  /** Only what changed goes to the audit log: old and new value of each field. */
  function diff(before: LessonRow, next: Partial<LessonRow>) {
    const old: Record<string, unknown> = {};
    const now: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next) as [keyof LessonRow, unknown][]) {
      if (k.endsWith('EnteredAt') || k === 'attendanceTakenAt' || before[k] === v) continue;
      old[k] = before[k];
      now[k] = v;
    }
    return { old, now };
  }

  /** The fields this update changes that someone else changed since the client saw them: theirs, by field. */
  function changedMeanwhile(input: LessonUpdate, next: Partial<LessonRow>): Partial<LessonRow> | null {
    const seen = input.expected;
    if (!seen) return null;
    const now = db.select().from(lessons).where(eq(lessons.id, input.lessonId)).get();
    if (!now) return null;
    const theirs: Partial<LessonRow> = {};
    for (const field of seenFields) {
      if (!(field in seen) || input[field] === undefined) continue;
      const wanted = field in next ? next[field] : now[field];
      if (now[field] !== seen[field] && now[field] !== wanted) Object.assign(theirs, { [field]: now[field] });
    }
    return Object.keys(theirs).length ? theirs : null;
  }

  return {
    update(actor: Actor, input: LessonUpdate) {
      const op: SaveOp = { actor, channel: 'lessons:update', saveId: input.saveId };
      if (replayOf(db, op)) return readGridLesson(db, input.lessonId);
      const { lesson, assignment, grade } = writableLesson(db, actor, input.lessonId);
      requireOpenOrReason(db, lockWhere(assignment, grade, lesson.date), input.reason);
      const next = changesOf(input, lesson, grade, assignment.id);
      saveOnce(db, clock, op, () => {
        const theirs = changedMeanwhile(input, next);
        if (theirs)
          return refuseAsConflict(db, audit, {
            actor,
            prefix: 'lesson',
            entity: 'lesson',
            entityId: String(lesson.id),
            actions: ['lesson.update'],
            current: theirs,
            attempted: Object.fromEntries(Object.keys(theirs).map((k) => [k, next[k as SeenField] ?? null])),
            reason: input.reason,
          });
        if (Object.keys(next).length === 0) return { value: null };
        db.update(lessons).set(next).where(eq(lessons.id, lesson.id)).run();
        // Marks take the lesson's kind: a lesson turned into a test turns its marks into the test's.
        if (next.workKindId !== undefined) {
          db.update(marks)
            .set({ workKindId: next.workKindId })
            .where(and(eq(marks.lessonId, lesson.id), eq(marks.workKindId, lesson.workKindId)))
            .run();
        }
        const { old, now: changed } = diff(lesson, next);
        if (Object.keys(changed).length)
          audit.record({
            userId: actor.userId,
            action: 'lesson.update',
            entity: 'lesson',
            entityId: lesson.id,
            oldValue: old,
            newValue: changed,
            reason: input.reason,
          });
        return { value: null };
      });
      return readGridLesson(db, lesson.id);
    },

    add(actor: Actor, input: { assignmentId: number; date: string; lessonNumber: number; reason?: string }) {
      const row = ownJournal(
        db,
        actor,
        input.assignmentId,
        'Добавить урок может только учитель, который ведёт этот журнал',
      );
      requireInYear(row.assignment.yearId, input.date);
      requireOpenOrReason(db, lockWhere(row.assignment, row.grade, input.date), input.reason);
      requireFreeSlot(row.assignment.id, input.date, input.lessonNumber);
      const kind = db.select({ id: workKinds.id }).from(workKinds).orderBy(asc(workKinds.sortOrder)).get();
      if (!kind) throw new AppError('conflict', 'В школе не заданы виды работ', { refusal: 'not_configured' });
      const id = writeTransaction(db, () => {
        const created = db
          .insert(lessons)
          .values({
            assignmentId: row.assignment.id,
            date: input.date,
            lessonNumber: input.lessonNumber,
            workKindId: kind.id,
            givenById: actor.userId,
            status: 'planned',
            createdAt: now(),
          })
          .returning({ id: lessons.id })
          .get();
        audit.record({
          userId: actor.userId,
          action: 'lesson.add',
          entity: 'lesson',
          entityId: created.id,
          newValue: { date: input.date, lessonNumber: input.lessonNumber },
          reason: input.reason,
        });
        return created.id;
      });
      return readGridLesson(db, id);
    },

    move(actor: Actor, input: { lessonId: number; date: string; lessonNumber: number; reason?: string }) {
      const { lesson, assignment, grade } = writableLesson(db, actor, input.lessonId);
      requireInYear(assignment.yearId, input.date);
      requireOpenOrReason(db, lockWhere(assignment, grade, lesson.date), input.reason);
      requireOpenOrReason(db, lockWhere(assignment, grade, input.date), input.reason);
      requireFreeSlot(assignment.id, input.date, input.lessonNumber, lesson.id);
      if (input.date > today() && hasEntries(lesson.id)) {
        throw new AppError(
          'validation',
          'На уроке уже есть отметки или пропуски: перенести его на будущую дату нельзя',
        );
      }
      writeTransaction(db, () => {
        db.update(lessons)
          .set({ date: input.date, lessonNumber: input.lessonNumber })
          .where(eq(lessons.id, lesson.id))
          .run();
        audit.record({
          userId: actor.userId,
          action: 'lesson.move',
          entity: 'lesson',
          entityId: lesson.id,
          oldValue: { date: lesson.date, lessonNumber: lesson.lessonNumber },
          newValue: { date: input.date, lessonNumber: input.lessonNumber },
          reason: input.reason,
        });
      });
      return readGridLesson(db, lesson.id);
    },

    /** Who may be recorded as having given a lesson: the school's working teachers. */
    teachers: () => workingTeachers(db),
  };
}
export type LessonService = ReturnType<typeof createLessonService>;
