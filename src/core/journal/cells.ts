import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { lessonRefusal, notCurrentMark, type AbsenceCode, type MarkValue } from '../../shared/contract/common';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { preparedPerDb } from '../db/prepared';
import { absences, lessons, marks, workKinds } from '../db/schema';
import { readSetting } from '../school/settings';
import { attendsLesson, writableLesson, type WritableLesson } from './access';
import { requireOpenOrReason } from './locks';
import { refuseAsConflict, replayOf, saveOnce, type SaveOp } from './saves';

// What every save of a cell reads first: built and prepared once per database.
const markInCell = preparedPerDb((db) =>
  db
    .select()
    .from(marks)
    .where(and(eq(marks.lessonId, sql.placeholder('lessonId')), eq(marks.studentId, sql.placeholder('studentId'))))
    .prepare(),
);
const absenceInCell = preparedPerDb((db) =>
  db
    .select()
    .from(absences)
    .where(
      and(eq(absences.lessonId, sql.placeholder('lessonId')), eq(absences.studentId, sql.placeholder('studentId'))),
    )
    .prepare(),
);
const workKindById = preparedPerDb((db) =>
  db
    .select()
    .from(workKinds)
    .where(eq(workKinds.id, sql.placeholder('workKindId')))
    .prepare(),
);

export interface MarkInput {
  lessonId: number;
  studentId: number;
  value1: MarkValue;
  value2?: MarkValue | null;
  workKindId?: number;
  reason?: string;
  /** The mark the client last saw in the cell; absent: no check (callers that never race, the CLI). */
  expected?: SeenMark;
  saveId?: string;
}

export interface CellRef {
  lessonId: number;
  studentId: number;
  reason?: string;
  saveId?: string;
}

type SeenMark = { value1: string; value2: string | null } | null;
type SavedMark = { value1: MarkValue; value2: MarkValue | null; workKindId: number };
type MarkRow = { value1: string; value2: string | null } | undefined;

const sameMark = (row: MarkRow, seen: SeenMark) =>
  !row || !seen ? !row && !seen : row.value1 === seen.value1 && (row.value2 ?? null) === (seen.value2 ?? null);

const markActions = ['mark.set', 'mark.clear'];

/** Absent for the whole lesson: such a student cannot be marked on it. Being late («оп») is no obstacle. */
const missesLesson = (code: string | undefined) => code === 'н' || code === 'б' || code === 'у';

export type CellService = ReturnType<typeof createCellService>;

/** Marks and absences, one cell at a time: every rule of docs/DOMAIN.md checked here, every change audited. */
export function createCellService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  function prepare(actor: Actor, ref: CellRef): WritableLesson {
    const target = writableLesson(db, actor, ref.lessonId);
    if (!attendsLesson(db, target, ref.studentId)) {
      throw new AppError('validation', 'Ученик не числится в этом классе (группе) на дату урока');
    }
    requireOpenOrReason(
      db,
      {
        yearId: target.assignment.yearId,
        classId: target.assignment.classId,
        grade: target.grade,
        date: target.lesson.date,
      },
      ref.reason,
    );
    return target;
  }

  const cell = (ref: CellRef) => ({ lessonId: ref.lessonId, studentId: ref.studentId });
  const currentMark = (ref: CellRef) => markInCell(db).get(cell(ref));
  const currentAbsence = (ref: CellRef) => absenceInCell(db).get(cell(ref));
  const markShape = (m: { value1: string; value2: string | null; workKindId: number } | undefined) =>
    m ? { value1: m.value1, value2: m.value2, workKindId: m.workKindId } : null;

  /** A mark or an absence belongs to a lesson that took place: the printed book shows it on that lesson's line. */
  function requireGiven(target: WritableLesson, entry: 'mark' | 'absence'): void {
    const refusal = lessonRefusal(target.lesson, localDate(clock.now()), entry);
    if (refusal) throw new AppError('validation', refusal);
  }

  function checkMark(target: WritableLesson, input: MarkInput): void {
    if (target.grade === 1) throw new AppError('validation', 'В 1 классе отметки не ставятся');
    requireGiven(target, 'mark');
    const values = [input.value1, input.value2].filter((v): v is MarkValue => !!v);
    // Seed 004, 6.5: «н/а» is never a current mark, only a period or year mark.
    if (values.includes('н/а')) throw new AppError('validation', notCurrentMark);
    if (readSetting(db, 'marks.scale') === '2-5' && values.includes('1')) {
      throw new AppError('validation', 'В школе принята шкала отметок от 2 до 5: отметку «1» поставить нельзя');
    }
    if (missesLesson(currentAbsence(input)?.code)) {
      throw new AppError('validation', 'Ученик отсутствовал на уроке: сначала снимите пропуск');
    }
  }

  return {
    setMark(actor: Actor, input: MarkInput): SavedMark {
      const op: SaveOp = { actor, channel: 'journal:setMark', saveId: input.saveId };
      const replay = replayOf(db, op);
      if (replay) return replay.value as SavedMark;
      const target = prepare(actor, input);
      const workKindId = input.workKindId ?? target.lesson.workKindId;
      const workKind = workKindById(db).get({ workKindId });
      if (!workKind) throw new AppError('validation', 'Неизвестный вид работы');
      checkMark(target, input);
      const now = localTimestamp(clock.now());
      const next: SavedMark = { value1: input.value1, value2: input.value2 ?? null, workKindId };
      const entityId = `${input.lessonId}:${input.studentId}`;
      return saveOnce(db, clock, op, () => {
        const before = currentMark(input);
        if (input.expected !== undefined && !sameMark(before, input.expected) && !sameMark(before, next))
          return refuseAsConflict(db, audit, {
            actor,
            prefix: 'mark',
            entity: 'cell',
            entityId,
            actions: markActions,
            current: markShape(before),
            attempted: next,
            reason: input.reason,
          });
        if (before) {
          db.update(marks)
            .set({ ...next, updatedAt: now, updatedBy: actor.userId })
            .where(eq(marks.id, before.id))
            .run();
        } else {
          db.insert(marks)
            .values({
              ...next,
              lessonId: input.lessonId,
              studentId: input.studentId,
              createdAt: now,
              createdBy: actor.userId,
            })
            .run();
        }
        audit.record({
          userId: actor.userId,
          action: 'mark.set',
          entity: 'cell',
          entityId,
          oldValue: markShape(before),
          newValue: next,
          reason: input.reason,
        });
        return { value: next };
      });
    },

    clearMark(actor: Actor, ref: CellRef & { expected?: SeenMark }): null {
      const op: SaveOp = { actor, channel: 'journal:clearMark', saveId: ref.saveId };
      if (replayOf(db, op)) return null;
      prepare(actor, ref);
      return saveOnce(db, clock, op, () => {
        const before = currentMark(ref);
        if (!before) return { value: null };
        if (ref.expected !== undefined && !sameMark(before, ref.expected))
          return refuseAsConflict(db, audit, {
            actor,
            prefix: 'mark',
            entity: 'cell',
            entityId: `${ref.lessonId}:${ref.studentId}`,
            actions: markActions,
            current: markShape(before),
            attempted: null,
            reason: ref.reason,
          });
        db.delete(marks).where(eq(marks.id, before.id)).run();
        audit.record({
          userId: actor.userId,
          action: 'mark.clear',
          entity: 'cell',
          entityId: `${ref.lessonId}:${ref.studentId}`,
          oldValue: markShape(before),
          newValue: null,
          reason: ref.reason,
        });
        return { value: null };
      });
    },

    setAbsence(
      actor: Actor,
      ref: CellRef & { code: AbsenceCode | null; expected?: AbsenceCode | null },
    ): AbsenceCode | null {
      const op: SaveOp = { actor, channel: 'journal:setAbsence', saveId: ref.saveId };
      const replay = replayOf(db, op);
      if (replay) return replay.value as AbsenceCode | null;
      const target = prepare(actor, ref);
      if (ref.code) requireGiven(target, 'absence');
      if (ref.code && missesLesson(ref.code) && currentMark(ref)) {
        throw new AppError('validation', 'У ученика есть отметка за этот урок: сначала снимите её');
      }
      const now = localTimestamp(clock.now());
      return saveOnce(db, clock, op, () => {
        const before = currentAbsence(ref);
        const was = before?.code ?? null;
        if (was === ref.code) return { value: ref.code };
        if (ref.expected !== undefined && was !== ref.expected)
          return refuseAsConflict(db, audit, {
            actor,
            prefix: 'absence',
            entity: 'cell',
            entityId: `${ref.lessonId}:${ref.studentId}`,
            actions: ['absence.set', 'absence.clear'],
            current: was,
            attempted: ref.code,
            reason: ref.reason,
          });
        if (!ref.code) db.delete(absences).where(eq(absences.id, before!.id)).run();
        else if (before)
          db.update(absences)
            .set({ code: ref.code, updatedAt: now, updatedBy: actor.userId })
            .where(eq(absences.id, before.id))
            .run();
        else
          db.insert(absences)
            .values({
              lessonId: ref.lessonId,
              studentId: ref.studentId,
              code: ref.code,
              createdAt: now,
              createdBy: actor.userId,
            })
            .run();
        // An absence entered means the teacher took the register: «Мой день» stops asking for it.
        if (ref.code && !target.lesson.attendanceTakenAt)
          db.update(lessons).set({ attendanceTakenAt: now }).where(eq(lessons.id, ref.lessonId)).run();
        audit.record({
          userId: actor.userId,
          action: ref.code ? 'absence.set' : 'absence.clear',
          entity: 'cell',
          entityId: `${ref.lessonId}:${ref.studentId}`,
          oldValue: before?.code ?? null,
          newValue: ref.code,
          reason: ref.reason,
        });
        return { value: ref.code };
      });
    },
  };
}
