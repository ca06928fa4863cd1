import type { Actor } from '../actor';
import type { Db } from '../db/open';
import type { SchoolService } from '../school/service';
import { listAssignments } from './assignments';
import { loadGrid } from './grid';

export type JournalService = ReturnType<typeof createJournalService>;

export function createJournalService({ db, school }: { db: Db; school: SchoolService }) {
  return {
    assignments: (actor: Actor, yearId?: number) => listAssignments(db, actor, yearId ?? school.currentYear().id),
    grid: (actor: Actor, assignmentId: number, periodId: number) => loadGrid(db, actor, assignmentId, periodId),
  };
}
