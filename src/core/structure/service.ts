import type { SchoolRules } from '../../shared/contract/structure';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import type { SchoolService } from '../school/service';
import { yearById } from '../timetable/calendar';
import { assignmentRow, deleteAssignment, saveAssignment, type AssignmentInput } from './assignments';
import {
  deleteSubject,
  deleteWorkKind,
  saveSubject,
  saveWorkKind,
  type SubjectInput,
  type WorkKindInput,
} from './catalogs';
import {
  classRow,
  deleteClass,
  deleteCurriculum,
  saveClass,
  saveCurriculum,
  type ClassInput,
  type CurriculumInput,
} from './classes';
import { readOverview } from './overview';
import { readRules, writeRules } from './rules';
import { deleteSubgroup, membersOn, saveSubgroup, setMembers, type SubgroupInput } from './subgroups';
import { requireOpenClassYear, requireOpenYear } from '../years/closed';

type WithYear<T> = Omit<T, 'yearId'> & { yearId?: number | undefined };

export type StructureService = ReturnType<typeof createStructureService>;

/** The admin's editors of the school's structure. Every change is audited; the checks live in the files beside. */
export function createStructureService({
  db,
  clock,
  audit,
  school,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  school: SchoolService;
}) {
  const today = () => localDate(clock.now());
  const yearOf = (yearId?: number) => (yearId ? yearById(db, yearId) : school.currentYear());
  const log = (
    actor: Actor,
    action: string,
    entity: string,
    entityId: number,
    newValue?: unknown,
    oldValue?: unknown,
  ) => audit.record({ userId: actor.userId, action, entity, entityId, newValue, oldValue });

  return {
    overview: (yearId?: number) => readOverview(db, yearOf(yearId), today()),

    saveSubject(actor: Actor, input: SubjectInput) {
      const id = saveSubject(db, input);
      log(actor, input.id ? 'structure.subject.update' : 'structure.subject.create', 'subject', id, input);
      return { id };
    },
    deleteSubject(actor: Actor, id: number) {
      log(actor, 'structure.subject.delete', 'subject', id, undefined, { name: deleteSubject(db, id) });
    },

    saveCurriculum(actor: Actor, input: WithYear<CurriculumInput>) {
      const yearId = yearOf(input.yearId).id;
      requireOpenYear(db, yearId);
      const id = saveCurriculum(db, { ...input, yearId });
      log(actor, 'structure.curriculum.save', 'curriculum', id, input);
      return { id };
    },
    deleteCurriculum(actor: Actor, id: number) {
      deleteCurriculum(db, id);
      log(actor, 'structure.curriculum.delete', 'curriculum', id);
    },

    saveClass(actor: Actor, input: WithYear<ClassInput>) {
      const yearId = input.id ? classRow(db, input.id).yearId : yearOf(input.yearId).id;
      requireOpenYear(db, yearId);
      const { id, grantedRole } = saveClass(db, { ...input, yearId });
      log(actor, input.id ? 'structure.class.update' : 'structure.class.create', 'class', id, input);
      if (grantedRole && input.classTeacherId)
        log(actor, 'users.role.grant', 'user', input.classTeacherId, { role: 'class_teacher', classId: id });
      return { id };
    },
    deleteClass(actor: Actor, id: number) {
      requireOpenClassYear(db, id);
      log(actor, 'structure.class.delete', 'class', id, undefined, { name: deleteClass(db, id) });
    },

    saveAssignment(actor: Actor, input: AssignmentInput) {
      const old = input.id ? assignmentRow(db, input.id) : null;
      requireOpenClassYear(db, input.classId);
      if (old) requireOpenYear(db, old.yearId);
      const { id, movedLessons } = saveAssignment(db, input, today());
      log(
        actor,
        old ? 'structure.assignment.update' : 'structure.assignment.create',
        'assignment',
        id,
        { ...input, movedLessons },
        old ?? undefined,
      );
      return { id };
    },
    deleteAssignment(actor: Actor, id: number) {
      const old = assignmentRow(db, id);
      requireOpenYear(db, old.yearId);
      deleteAssignment(db, id);
      log(actor, 'structure.assignment.delete', 'assignment', id, undefined, old);
    },

    saveSubgroup(actor: Actor, input: SubgroupInput) {
      requireOpenClassYear(db, input.classId);
      const id = saveSubgroup(db, input);
      log(actor, input.id ? 'structure.subgroup.update' : 'structure.subgroup.create', 'subgroup', id, input);
      return { id };
    },
    deleteSubgroup(actor: Actor, id: number) {
      log(actor, 'structure.subgroup.delete', 'subgroup', id, undefined, { name: deleteSubgroup(db, id) });
    },
    subgroupMembers: (subgroupId: number, date: string) => membersOn(db, subgroupId, date),
    setSubgroupMembers(
      actor: Actor,
      input: { subgroupId: number; date: string; studentIds: number[]; orderNumber?: string | undefined },
    ) {
      const result = setMembers(db, input.subgroupId, input.date, input.studentIds, input.orderNumber || null);
      log(actor, 'structure.subgroup.members', 'subgroup', input.subgroupId, { ...input, ...result });
      return result;
    },

    saveWorkKind(actor: Actor, input: WorkKindInput) {
      const id = saveWorkKind(db, input);
      log(actor, input.id ? 'structure.workKind.update' : 'structure.workKind.create', 'work_kind', id, input);
      return { id };
    },
    deleteWorkKind(actor: Actor, id: number) {
      log(actor, 'structure.workKind.delete', 'work_kind', id, undefined, { name: deleteWorkKind(db, id) });
    },

    rules: () => readRules(db),
    saveRules(actor: Actor, rules: SchoolRules) {
      const old = readRules(db);
      writeRules(db, rules);
      audit.record({
        userId: actor.userId,
        action: 'structure.rules',
        entity: 'settings',
        oldValue: old,
        newValue: rules,
      });
    },
  };
}
