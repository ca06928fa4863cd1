import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { AbsenceCode, MarkValue } from '../../shared/contract/common';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, localTimestamp, type Clock } from '../clock';
import type { Db } from '../db/open';
import { absences, lessons, marks, workKinds } from '../db/schema';
import { readSetting } from '../school/settings';
import { attendsLesson, writableLesson, type WritableLesson } from './access';
import { requireOpenOrReason } from './locks';
import { writeTransaction } from '../db/write';

export interface MarkInput {
  lessonId: number;
  studentId: number;
  value1: MarkValue;
  value2?: MarkValue | null;
  workKindId?: number;
  reason?: string;
}

export interface CellRef {
  lessonId: number;
  studentId: number;
  reason?: string;
}

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

  const currentMark = (ref: CellRef) =>
    db
      .select()
      .from(marks)
      .where(and(eq(marks.lessonId, ref.lessonId), eq(marks.studentId, ref.studentId)))
      .get();
  const currentAbsence = (ref: CellRef) =>
    db
      .select()
      .from(absences)
      .where(and(eq(absences.lessonId, ref.lessonId), eq(absences.studentId, ref.studentId)))
      .get();
  const markShape = (m: { value1: string; value2: string | null; workKindId: number } | undefined) =>
    m ? { value1: m.value1, value2: m.value2, workKindId: m.workKindId } : null;

  function checkMark(target: WritableLesson, input: MarkInput, workKind: typeof workKinds.$inferSelect): void {
    if (target.grade === 1) throw new AppError('validation', 'В 1 классе отметки не ставятся');
    const values = [input.value1, input.value2].filter((v): v is MarkValue => !!v);
    if (workKind.isControl && values.includes('н/а')) {
      throw new AppError('validation', `«н/а» не ставится за работу вида «${workKind.name}»`);
    }
    if (readSetting(db, 'marks.scale') === '2-5' && values.includes('1')) {
      throw new AppError('validation', 'В школе принята шкала отметок от 2 до 5: отметку «1» поставить нельзя');
    }
    if (input.value2 && (input.value1 === 'н/а' || input.value2 === 'н/а')) {
      throw new AppError('validation', '«н/а» не ставится в паре с другой отметкой');
    }
    if (missesLesson(currentAbsence(input)?.code)) {
      throw new AppError('validation', 'Ученик отсутствовал на уроке: сначала снимите пропуск');
    }
  }

  return {
    setMark(actor: Actor, input: MarkInput) {
      const target = prepare(actor, input);
      const workKindId = input.workKindId ?? target.lesson.workKindId;
      const workKind = db.select().from(workKinds).where(eq(workKinds.id, workKindId)).get();
      if (!workKind) throw new AppError('validation', 'Неизвестный вид работы');
      checkMark(target, input, workKind);
      const now = localTimestamp(clock.now());
      const next = { value1: input.value1, value2: input.value2 ?? null, workKindId };
      return writeTransaction(db, () => {
        const before = currentMark(input);
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
          entityId: `${input.lessonId}:${input.studentId}`,
          oldValue: markShape(before),
          newValue: next,
          reason: input.reason,
        });
        return next;
      });
    },

    clearMark(actor: Actor, ref: CellRef): null {
      prepare(actor, ref);
      writeTransaction(db, () => {
        const before = currentMark(ref);
        if (!before) return;
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
      });
      return null;
    },

    setAbsence(actor: Actor, ref: CellRef & { code: AbsenceCode | null }): AbsenceCode | null {
      const target = prepare(actor, ref);
      if (ref.code && target.lesson.date > localDate(clock.now())) {
        throw new AppError('validation', 'Урок ещё не прошёл: пропуск отметить нельзя');
      }
      if (ref.code && missesLesson(ref.code) && currentMark(ref)) {
        throw new AppError('validation', 'У ученика есть отметка за этот урок: сначала снимите её');
      }
      const now = localTimestamp(clock.now());
      writeTransaction(db, () => {
        const before = currentAbsence(ref);
        if ((before?.code ?? null) === ref.code) return;
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
      });
      return ref.code;
    },
  };
}
