import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/open';
import { writeTransaction } from '../db/write';
import { classEnrollments, classes } from '../db/schema';

/**
 * The audit of printing. A book with the personal data pages shows every student's birth date and file number,
 * so besides the one «printed» entry each student of the class gets a «personal data viewed» entry: the log
 * then answers «who saw this child's data» by the student filter. Every shell builds the print service with
 * the audit (the CLI's without an account: audit/origin.ts); only a bare service in a unit test has none.
 */
export function auditPrinting(db: Db, audit: AuditService | undefined) {
  const studentsOf = (classIds: number[]) =>
    classIds.length === 0
      ? []
      : db
          .selectDistinct({ studentId: classEnrollments.studentId, classId: classEnrollments.classId })
          .from(classEnrollments)
          .where(inArray(classEnrollments.classId, classIds))
          .all();
  // One transaction for a book's entries: a class's thirty entries as thirty commits would take the write lock
  // thirty times (each with its sync), and a teacher's save on the main thread would wait behind every one.
  const personal = (actor: Actor | null, classIds: number[]) => {
    for (const s of studentsOf(classIds)) {
      audit?.record({
        userId: actor?.userId ?? null,
        action: 'student.view_personal',
        entity: 'student',
        entityId: s.studentId,
        newValue: { classId: s.classId, via: 'print' },
      });
    }
  };
  return {
    book(
      actor: Actor | null,
      classId: number,
      what: { file: string; pages: number; duplex: boolean; personalData: boolean },
    ) {
      if (!audit) return;
      writeTransaction(db, () => {
        audit.record({
          userId: actor?.userId ?? null,
          action: 'print.book',
          entity: 'class',
          entityId: classId,
          newValue: what,
        });
        if (what.personalData) personal(actor, [classId]);
      });
    },
    school(actor: Actor | null, yearId: number, what: { duplex: boolean; personalData: boolean }) {
      if (!audit) return;
      writeTransaction(db, () => {
        audit.record({
          userId: actor?.userId ?? null,
          action: 'print.school',
          entity: 'school_year',
          entityId: yearId,
          newValue: what,
        });
        if (what.personalData)
          personal(
            actor,
            db
              .select({ id: classes.id })
              .from(classes)
              .where(and(eq(classes.yearId, yearId)))
              .all()
              .map((c) => c.id),
          );
      });
    },
    sent(actor: Actor | null, file: string) {
      audit?.record({ userId: actor?.userId ?? null, action: 'print.send', entity: 'file', entityId: file });
    },
    downloaded(actor: Actor | null, file: string) {
      audit?.record({ userId: actor?.userId ?? null, action: 'print.download', entity: 'file', entityId: file });
    },
  };
}
