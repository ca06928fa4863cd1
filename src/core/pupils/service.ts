// Pupils' cards: the class teacher «выверяет анкетные данные об учениках и их родителях», the secretary keeps them.
// Every change is audited field by field with the old value.
import { and, eq, ne } from 'drizzle-orm';
import type { PupilCard, PupilParent } from '../../shared/contract/pupils';
import { ruDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { className, fullName, shortName } from '../../shared/names';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { classes, studentParents, students } from '../db/schema';
import { writeTransaction } from '../db/write';
import { findCurrentYear } from '../school/years';
import { cardClass, cardOf, classCards, editableStudent, parentsOf } from './cards';

export interface CardChange {
  studentId: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: 'm' | 'f' | null;
  personalFileNo: string | null;
  address: string | null;
  parents: PupilParent[];
}

const fields = ['lastName', 'firstName', 'middleName', 'birthDate', 'gender', 'personalFileNo', 'address'] as const;

/** «Иванова Мария Петровна (мать), +7 912 345-67-89»: a parent as the audit log keeps it. */
const parentLine = (p: PupilParent) => [`${p.fullName} (${p.relation})`, ...p.phones].join(', ');

/** A pupil is between 4 and 25 years old on the day the card is saved; anything else is a typing slip. */
function checkBirthDate(birthDate: string | null, today: string) {
  if (birthDate === null) return;
  if (birthDate > today)
    throw new AppError('validation', 'Дата рождения не может быть позже сегодняшнего дня', {
      issues: [{ path: 'birthDate', message: 'Дата ещё не наступила' }],
    });
  const years =
    Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
  if (years < 4 || years > 25)
    throw new AppError('validation', `Проверьте дату рождения ${ruDate(birthDate)}: ученику получается ${years} лет`, {
      issues: [{ path: 'birthDate', message: 'Ученику должно быть от 4 до 25 лет' }],
    });
}

export function createPupilService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  return {
    classes(actor: Actor) {
      const year = findCurrentYear(db);
      if (!year) return [];
      const all = mayAccess('pupils.all_classes', actor.roles);
      const rows = db
        .select()
        .from(classes)
        .where(and(eq(classes.yearId, year.id), all ? undefined : eq(classes.classTeacherId, actor.userId)))
        .all()
        .sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));
      const today = localDate(clock.now());
      const count = db.$client.prepare(
        `select count(distinct student_id) from class_enrollments
         where class_id = ? and start_date <= ? and (end_date is null or end_date >= ?)`,
      );
      return rows.map((c) => ({
        id: c.id,
        name: className(c),
        pupils: count.pluck().get(c.id, today, today) as number,
      }));
    },

    list(actor: Actor, classId: number) {
      const cls = cardClass(db, actor, classId);
      return {
        classId,
        className: className(cls),
        mayEdit: mayAccess('pupils.edit', actor.roles),
        pupils: classCards(db, classId),
      };
    },

    save(actor: Actor, input: CardChange): PupilCard {
      const before = editableStudent(db, actor, input.studentId);
      checkBirthDate(input.birthDate, localDate(clock.now()));
      if (input.personalFileNo) {
        const other = db
          .select()
          .from(students)
          .where(and(eq(students.personalFileNo, input.personalFileNo), ne(students.id, input.studentId)))
          .get();
        if (other)
          throw new AppError('validation', `Личное дело № ${input.personalFileNo} уже у ученика ${shortName(other)}`, {
            issues: [{ path: 'personalFileNo', message: 'Такой номер уже есть' }],
          });
      }
      const oldParents = parentsOf(db, [input.studentId]).get(input.studentId) ?? [];
      const changed = fields.filter((f) => (before[f] ?? null) !== (input[f] ?? null));
      const oldLines = oldParents.map(parentLine);
      const newLines = input.parents.map(parentLine);
      const parentsChanged = JSON.stringify(oldLines) !== JSON.stringify(newLines);
      if (changed.length > 0 || parentsChanged)
        writeTransaction(db, () => {
          const values = Object.fromEntries(changed.map((f) => [f, input[f] ?? null]));
          if (changed.length) db.update(students).set(values).where(eq(students.id, input.studentId)).run();
          if (parentsChanged) {
            db.delete(studentParents).where(eq(studentParents.studentId, input.studentId)).run();
            input.parents.forEach((p, position) =>
              db
                .insert(studentParents)
                .values({ studentId: input.studentId, position, ...p, phones: JSON.stringify(p.phones) })
                .run(),
            );
          }
          audit.record({
            userId: actor.userId,
            action: 'student.update',
            entity: 'student',
            entityId: input.studentId,
            oldValue: {
              student: fullName(before),
              ...Object.fromEntries(changed.map((f) => [f, before[f] ?? null])),
              ...(parentsChanged ? { parents: oldLines } : {}),
            },
            newValue: { ...values, ...(parentsChanged ? { parents: newLines } : {}) },
            context: { studentId: input.studentId },
          });
        });
      const after = db.select().from(students).where(eq(students.id, input.studentId)).get()!;
      return cardOf(after, parentsOf(db, [input.studentId]).get(input.studentId) ?? [], null);
    },
  };
}
export type PupilService = ReturnType<typeof createPupilService>;
