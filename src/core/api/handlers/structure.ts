import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const structureHandlers = (s: Services): Handlers['structure'] => {
  const done = (fn: () => void) => {
    fn();
    return null;
  };
  return {
    overview: (input) => s.structure.overview(input.yearId),
    saveSubject: (input, actor) => s.structure.saveSubject(actor, input),
    deleteSubject: (input, actor) => done(() => s.structure.deleteSubject(actor, input.id)),
    saveCurriculum: (input, actor) => s.structure.saveCurriculum(actor, input),
    deleteCurriculum: (input, actor) => done(() => s.structure.deleteCurriculum(actor, input.id)),
    saveClass: (input, actor) => s.structure.saveClass(actor, input),
    deleteClass: (input, actor) => done(() => s.structure.deleteClass(actor, input.id)),
    saveAssignment: (input, actor) => s.structure.saveAssignment(actor, input),
    deleteAssignment: (input, actor) => done(() => s.structure.deleteAssignment(actor, input.id)),
    saveSubgroup: (input, actor) => s.structure.saveSubgroup(actor, input),
    deleteSubgroup: (input, actor) => done(() => s.structure.deleteSubgroup(actor, input.id)),
    subgroupMembers: (input) => s.structure.subgroupMembers(input.subgroupId, input.date),
    setSubgroupMembers: (input, actor) => s.structure.setSubgroupMembers(actor, input),
    saveWorkKind: (input, actor) => s.structure.saveWorkKind(actor, input),
    deleteWorkKind: (input, actor) => done(() => s.structure.deleteWorkKind(actor, input.id)),
    rules: () => s.structure.rules(),
    saveRules: (input, actor) => done(() => s.structure.saveRules(actor, input)),
  };
};
