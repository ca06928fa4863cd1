import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import type { SchoolService } from '../school/service';
import { listAssignments } from './assignments';
import { createCellService } from './cells';
import { loadFinals } from './finals';
import { loadGrid } from './grid';
import type { PeriodMarkService } from './periodMarks';
import { cellHistory } from './history';

export type JournalService = ReturnType<typeof createJournalService>;

export function createJournalService({
  db,
  clock,
  audit,
  school,
  periodMarks,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  school: SchoolService;
  periodMarks: PeriodMarkService;
}) {
  const cells = createCellService({ db, clock, audit });
  const today = () => localDate(clock.now());
  return {
    ...cells,
    cellHistory: (actor: Actor, lessonId: number, studentId: number) =>
      cellHistory(db, actor, lessonId, studentId, today()),
    assignments: (actor: Actor, yearId?: number) =>
      listAssignments(db, actor, yearId ?? school.currentYear().id, today()),
    finals: (actor: Actor, assignmentId: number) => loadFinals(db, actor, periodMarks, assignmentId, today()),
    grid: (actor: Actor, assignmentId: number, periodId: number | 'year') =>
      loadGrid(db, actor, assignmentId, periodId, today()),
  };
}
