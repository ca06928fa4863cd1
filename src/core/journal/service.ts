import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import type { SchoolService } from '../school/service';
import { listAssignments } from './assignments';
import { createCellService } from './cells';
import { loadGrid } from './grid';
import { cellHistory } from './history';

export type JournalService = ReturnType<typeof createJournalService>;

export function createJournalService({ db, clock, audit, school }: { db: Db; clock: Clock; audit: AuditService; school: SchoolService }) {
  const cells = createCellService({ db, clock, audit });
  return {
    ...cells,
    cellHistory: (actor: Actor, lessonId: number, studentId: number) => cellHistory(db, actor, lessonId, studentId),
    assignments: (actor: Actor, yearId?: number) => listAssignments(db, actor, yearId ?? school.currentYear().id),
    grid: (actor: Actor, assignmentId: number, periodId: number) => loadGrid(db, actor, assignmentId, periodId, localDate(clock.now())),
  };
}
