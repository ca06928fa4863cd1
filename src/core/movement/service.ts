// Движение учащихся by the director's orders: arrival, transfer to another class or subgroup, departure.
// Each closes the old stay the day before its date and opens the new one on it, so the journals, the class
// lists and the reports (all read through class_enrollments and subgroup_members) follow the dates by
// themselves: the old journal shows the student up to the day before as «выбыл», the new one from the date.
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { className } from '../../shared/names';
import type { Actor } from '../actor';
import { addDays, ruDate } from '../../shared/dates';
import { auditPersonalView } from '../audit/personal';
import type { AuditService } from '../audit/service';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { classEnrollments, studentMovements, students, subgroupMembers, subgroups } from '../db/schema';
import { requireOpenYear } from '../years/closed';
import { refuseOrphans } from './orphans';
import {
  classRow,
  closeSubgroups,
  enrollmentOn,
  joinSubgroups,
  lastStayBefore,
  requireInYear,
  studentRow,
} from './stays';
import { movementClasses } from './classes';
import { movementRegister } from './register';
import { createCorrections, type Correction } from './correct';
import { reportPdf } from '../tables/pdf';
import { reportWorkbook } from '../tables/xlsx';
import type { SchoolService } from '../school/service';
import { writeTransaction } from '../db/write';

interface Order {
  orderNumber: string;
  orderDate: string;
}
type MovementValues = typeof studentMovements.$inferInsert;

interface Deps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  school: SchoolService;
  fontsDir: () => string;
}

export function createMovementService({ db, clock, audit, school, fontsDir }: Deps) {
  function record(actor: Actor, values: Omit<MovementValues, 'createdBy'>) {
    const row = db
      .insert(studentMovements)
      .values({ ...values, createdBy: actor.userId })
      .returning({ id: studentMovements.id })
      .get();
    audit.record({
      userId: actor.userId,
      action: `movement.${values.kind}`,
      entity: 'student',
      entityId: values.studentId,
      newValue: { ...values, movementId: row.id },
    });
    return row.id;
  }

  /** The stay a transfer or a departure ends: the class the student is in on the day before `date`. */
  function currentStay(studentId: number, date: string, what: string) {
    const stay = enrollmentOn(db, studentId, addDays(date, -1)) ?? enrollmentOn(db, studentId, date);
    if (!stay) {
      const last = lastStayBefore(db, studentId, date);
      throw new AppError(
        'validation',
        last?.e.endDate
          ? `Ученик уже выбыл из ${className(last.c)} класса с ${ruDate(addDays(last.e.endDate, 1))}`
          : `На ${ruDate(date)} ученик не числится ни в одном классе`,
      );
    }
    const cls = classRow(db, stay.c.id);
    requireOpenYear(db, cls.yearId);
    requireInYear(cls, date, what);
    if (date <= stay.e.startDate)
      throw new AppError(
        'validation',
        `${what} должна быть позже зачисления в ${cls.name} класс (${ruDate(stay.e.startDate)})`,
      );
    if (stay.e.endDate !== null)
      throw new AppError(
        'validation',
        `Ученик уже выбыл из ${cls.name} класса с ${ruDate(addDays(stay.e.endDate, 1))}`,
      );
    return { stay: stay.e, cls };
  }

  function endStay(stayId: number, studentId: number, classId: number, date: string) {
    const lastDay = addDays(date, -1);
    db.update(classEnrollments).set({ endDate: lastDay }).where(eq(classEnrollments.id, stayId)).run();
    closeSubgroups(db, studentId, classId, lastDay);
  }

  const corrections = createCorrections({ db, audit });

  return {
    /** The class lists by date show birth dates and file numbers: viewed personal data, logged (issue 7, item 4). */
    classes(actor: Actor, input: { yearId?: number; date?: string }) {
      const shown = movementClasses(db, clock, input);
      auditPersonalView(audit, actor, 'movement:classes', {
        date: shown.date,
        students: shown.classes.reduce((n, c) => n + c.students.length, 0),
      });
      return shown;
    },
    correct: (actor: Actor, input: Correction & { movementId: number; reason: string }) =>
      corrections.correct(actor, input.movementId, input),
    cancel: (actor: Actor, input: { movementId: number; reason: string }) =>
      corrections.cancel(actor, input.movementId, input.reason),
    register(actor: Actor, input: Parameters<typeof movementRegister>[1]) {
      const shown = movementRegister(db, input);
      auditPersonalView(audit, actor, 'movement:register', { params: input });
      return shown;
    },

    /** The register as an XLSX workbook or a PDF: the same tables the screen shows. */
    async registerFile(actor: Actor, input: Parameters<typeof movementRegister>[1], format: 'xlsx' | 'pdf') {
      const reg = movementRegister(db, input);
      const title = `Книга движения учащихся, ${reg.yearName} учебный год`;
      const meta = { school: school.schoolName(), created: clock.now() };
      const bytes =
        format === 'xlsx'
          ? await reportWorkbook(title, reg.tables, meta)
          : await reportPdf(title, reg.tables, { ...meta, fontsDir: fontsDir() });
      const mimeType =
        format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf';
      auditPersonalView(audit, actor, 'movement:registerFile', { params: input, format });
      return {
        fileName: `Книга движения учащихся ${reg.yearName.replace('/', '-')}.${format}`,
        mimeType,
        base64: Buffer.from(bytes).toString('base64'),
      };
    },

    arrive(
      actor: Actor,
      input: Order & {
        kind: 'enrolled' | 'arrived';
        lastName: string;
        firstName: string;
        middleName?: string;
        birthDate?: string;
        gender?: 'm' | 'f';
        personalFileNo?: string;
        classId: number;
        date: string;
        from?: string;
      },
    ) {
      const cls = classRow(db, input.classId);
      requireOpenYear(db, cls.yearId);
      requireInYear(cls, input.date, 'Дата прибытия');
      if (input.kind === 'arrived' && !input.from) throw new AppError('validation', 'Укажите, откуда прибыл ученик');
      return writeTransaction(db, () => {
        const student = db
          .insert(students)
          .values({
            lastName: input.lastName,
            firstName: input.firstName,
            middleName: input.middleName ?? null,
            birthDate: input.birthDate ?? null,
            gender: input.gender ?? null,
            personalFileNo: input.personalFileNo ?? null,
          })
          .returning({ id: students.id })
          .get();
        db.insert(classEnrollments)
          .values({ studentId: student.id, classId: cls.id, startDate: input.date, endDate: null })
          .run();
        joinSubgroups(db, student.id, cls.id, input.date, input.orderNumber);
        const movementId = record(actor, {
          studentId: student.id,
          kind: input.kind,
          date: input.date,
          fromClassId: null,
          toClassId: cls.id,
          orderNumber: input.orderNumber,
          orderDate: input.orderDate,
          note: input.from ?? null,
        });
        const name = [input.lastName, input.firstName, input.middleName].filter(Boolean).join(' ');
        return {
          movementId,
          studentId: student.id,
          message: `${name} ${input.kind === 'enrolled' ? 'зачислен(а)' : 'прибыл(а)'} в ${cls.name} класс с ${ruDate(input.date)}`,
        };
      });
    },

    transfer(actor: Actor, input: Order & { studentId: number; toClassId: number; date: string; note?: string }) {
      const student = studentRow(db, input.studentId);
      const { stay, cls } = currentStay(student.id, input.date, 'Дата перевода');
      const target = classRow(db, input.toClassId);
      if (target.id === cls.id) throw new AppError('validation', `Ученик уже в ${cls.name} классе`);
      if (target.yearId !== cls.yearId)
        throw new AppError('validation', 'Перевести можно только в класс того же учебного года');
      refuseOrphans(db, student.id, input.date, { classId: cls.id }, `${cls.name} класса`);
      return writeTransaction(db, () => {
        endStay(stay.id, student.id, cls.id, input.date);
        db.insert(classEnrollments)
          .values({ studentId: student.id, classId: target.id, startDate: input.date, endDate: null })
          .run();
        joinSubgroups(db, student.id, target.id, input.date, input.orderNumber);
        const movementId = record(actor, {
          studentId: student.id,
          kind: 'transferred',
          date: input.date,
          fromClassId: cls.id,
          toClassId: target.id,
          orderNumber: input.orderNumber,
          orderDate: input.orderDate,
          note: input.note ?? null,
        });
        return {
          movementId,
          message: `${student.name} переведён(а) из ${cls.name} в ${target.name} класс с ${ruDate(input.date)}: до ${ruDate(addDays(input.date, -1))} — в журнале ${cls.name}, с ${ruDate(input.date)} — в журнале ${target.name}`,
        };
      });
    },

    /** A move between the subgroups of one subject in the student's class (docs/DOMAIN.md, rule 4): history kept. */
    changeSubgroup(actor: Actor, input: Order & { studentId: number; toSubgroupId: number; date: string }) {
      const student = studentRow(db, input.studentId);
      const target = db.select().from(subgroups).where(eq(subgroups.id, input.toSubgroupId)).get();
      if (!target) throw new AppError('not_found', 'Такой подгруппы нет');
      const cls = classRow(db, target.classId);
      requireOpenYear(db, cls.yearId);
      requireInYear(cls, input.date, 'Дата перевода');
      const stay = enrollmentOn(db, student.id, input.date);
      if (stay?.c.id !== cls.id)
        throw new AppError('validation', `На ${ruDate(input.date)} ученик не в ${cls.name} классе`);
      const current = db.$client
        .prepare(
          `select m.id, m.subgroup_id as subgroupId, m.start_date as startDate, g.name from subgroup_members m join subgroups g on g.id = m.subgroup_id
           where m.student_id = ? and g.class_id = ? and g.subject_id = ? and m.start_date <= ? and (m.end_date is null or m.end_date >= ?)`,
        )
        .get(student.id, cls.id, target.subjectId, input.date, input.date) as
        { id: number; subgroupId: number; startDate: string; name: string } | undefined;
      if (current?.subgroupId === target.id)
        throw new AppError('validation', `Ученик уже в подгруппе «${target.name}»`);
      if (current && input.date <= current.startDate)
        throw new AppError(
          'validation',
          `Дата перевода должна быть позже ${ruDate(current.startDate)}, когда ученик пришёл в подгруппу «${current.name}»`,
        );
      if (current)
        refuseOrphans(db, student.id, input.date, { subgroupId: current.subgroupId }, `подгруппы «${current.name}»`);
      return writeTransaction(db, () => {
        if (current)
          db.update(subgroupMembers)
            .set({ endDate: addDays(input.date, -1) })
            .where(and(eq(subgroupMembers.id, current.id)))
            .run();
        db.insert(subgroupMembers)
          .values({
            subgroupId: target.id,
            studentId: student.id,
            startDate: input.date,
            endDate: null,
            orderNumber: input.orderNumber,
          })
          .run();
        audit.record({
          userId: actor.userId,
          action: 'movement.subgroup',
          entity: 'student',
          entityId: student.id,
          oldValue: current ? { subgroupId: current.subgroupId } : null,
          newValue: {
            subgroupId: target.id,
            date: input.date,
            orderNumber: input.orderNumber,
            orderDate: input.orderDate,
          },
        });
        return { movementId: null, message: `${student.name} с ${ruDate(input.date)} в подгруппе «${target.name}»` };
      });
    },

    leave(actor: Actor, input: Order & { studentId: number; date: string; to: string }) {
      const student = studentRow(db, input.studentId);
      const { stay, cls } = currentStay(student.id, input.date, 'Дата выбытия');
      refuseOrphans(db, student.id, input.date, { classId: cls.id }, `${cls.name} класса`);
      return writeTransaction(db, () => {
        endStay(stay.id, student.id, cls.id, input.date);
        const movementId = record(actor, {
          studentId: student.id,
          kind: 'left',
          date: input.date,
          fromClassId: cls.id,
          toClassId: null,
          orderNumber: input.orderNumber,
          orderDate: input.orderDate,
          note: input.to,
        });
        return {
          movementId,
          message: `${student.name} выбыл(а) из ${cls.name} класса с ${ruDate(input.date)}: в журнале до ${ruDate(addDays(input.date, -1))}`,
        };
      });
    },
  };
}
export type MovementService = ReturnType<typeof createMovementService>;
