import type { Actor } from '../../actor';
import type { AuditService } from '../../audit/service';
import { localDate, localTimestamp, type Clock } from '../../clock';
import type { Db } from '../../db/open';
import { getAssignmentFor } from '../assignments';
import { ownAssignment } from './access';
import { assignTopics } from './assign';
import { planRowsOf } from './rows';
import { curriculumHours, loadPlan, writePlan, type PlanRow } from './store';
import { readTable } from '../../imports/table';
import { writeTransaction } from '../../db/write';

export type PlanService = ReturnType<typeof createPlanService>;

/** КТП: the thematic plan of an assignment, imported from a spreadsheet, checked against the curriculum, spread over lessons. */
export function createPlanService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  const today = () => localDate(clock.now());
  return {
    /** Whoever may open the journal may read its plan. */
    get(actor: Actor, assignmentId: number) {
      getAssignmentFor(db, actor, assignmentId, today());
      return loadPlan(db, assignmentId, today());
    },

    /** Reads the file without saving anything: the teacher sees every row, and why a row cannot be taken. */
    async previewImport(actor: Actor, input: { assignmentId: number; fileName: string; contentBase64: string }) {
      ownAssignment(db, actor, input.assignmentId);
      const rows = planRowsOf(
        await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'), { maxRows: 600, what: 'в плане' }),
      );
      return {
        rows,
        plannedHours: rows.reduce((s, r) => s + (r.error === null && r.hours !== null ? r.hours : 0), 0),
        curriculumHours: curriculumHours(db, input.assignmentId),
      };
    },

    save(actor: Actor, assignmentId: number, rows: PlanRow[]) {
      ownAssignment(db, actor, assignmentId);
      const before = loadPlan(db, assignmentId, today());
      writeTransaction(db, () => {
        writePlan(db, assignmentId, rows);
        audit.record({
          userId: actor.userId,
          action: 'plan.save',
          entity: 'thematic_plan',
          entityId: assignmentId,
          oldValue: { topics: before.topics.length, hours: before.plannedHours },
          newValue: { topics: rows.length, hours: rows.reduce((s, r) => s + r.hours, 0) },
        });
      });
      return loadPlan(db, assignmentId, today());
    },

    assign(actor: Actor, assignmentId: number, fromDate: string) {
      const assignment = ownAssignment(db, actor, assignmentId);
      const now = localTimestamp(clock.now());
      const count = writeTransaction(db, () => {
        const n = assignTopics(db, assignment, fromDate, now);
        if (n > 0)
          audit.record({
            userId: actor.userId,
            action: 'plan.assign',
            entity: 'thematic_plan',
            entityId: assignmentId,
            newValue: { fromDate, lessons: n },
          });
        return n;
      });
      return { lessons: count };
    },
  };
}
