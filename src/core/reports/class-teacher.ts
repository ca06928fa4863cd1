// Отчёт классного руководителя за период: the class's progress (overall and by subject, with names), its
// attendance per student, and its movement — in one document.
import type { ClassTeacherData } from '../../shared/contract/report-data';
import type { Db } from '../db/open';
import { classAttendance, sumDays } from './attendance-facts';
import { loadTermFacts } from './facts';
import { movementEntries } from './movement';
import { progressResults } from './progress';
import type { ClassInfo } from './roster';
import type { Term } from './terms';

export function classTeacherReport(db: Db, cls: ClassInfo, term: Term, today: string): ClassTeacherData {
  const period = term.periodOfGrade.get(cls.grade) ?? null;
  const from = period?.startDate ?? term.year.startDate;
  const to = period?.endDate ?? term.year.endDate;
  const facts = loadTermFacts(db, term, today, [cls.id]);
  const attendance = classAttendance(db, cls.id, from, to, today);
  return {
    className: cls.name,
    classTeacher: cls.classTeacherName,
    termName: term.name,
    from,
    to,
    progress: progressResults(facts, 'class', term.name),
    bySubject: progressResults(facts, 'subject', term.name),
    attendance: attendance.students.map((s) => {
      const days = attendance.days.get(s.studentId) ?? new Map();
      return { studentId: s.studentId, number: s.number, name: s.name, ...sumDays(days), byDay: {} };
    }),
    // The class's movement as it stands: an order cancelled as entered by mistake moved no one (the register and the
    // movement report keep its line).
    movement: movementEntries(db, from, to < today ? to : today, [cls.id], false),
  };
}
