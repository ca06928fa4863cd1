import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const structureHandlers = (s: Services): Handlers['structure'] => {
  const done = (fn: () => void) => {
    fn();
    return null;
  };
  return {
    overview: (input) => s.structure.overview(input.yearId),
    saveSubject: (input, actor) => s.structure.saveSubject(input, actor),
    deleteSubject: (input, actor) => done(() => s.structure.deleteSubject(input.id, actor)),
    saveCurriculum: (input, actor) => s.structure.saveCurriculum(input, actor),
    deleteCurriculum: (input, actor) => done(() => s.structure.deleteCurriculum(input.id, actor)),
    saveClass: (input, actor) => s.structure.saveClass(input, actor),
    deleteClass: (input, actor) => done(() => s.structure.deleteClass(input.id, actor)),
    saveAssignment: (input, actor) => s.structure.saveAssignment(input, actor),
    deleteAssignment: (input, actor) => done(() => s.structure.deleteAssignment(input.id, actor)),
    saveSubgroup: (input, actor) => s.structure.saveSubgroup(input, actor),
    deleteSubgroup: (input, actor) => done(() => s.structure.deleteSubgroup(input.id, actor)),
    subgroupMembers: (input) => s.structure.subgroupMembers(input.subgroupId, input.date),
    setSubgroupMembers: (input, actor) => s.structure.setSubgroupMembers(input, actor),
    saveWorkKind: (input, actor) => s.structure.saveWorkKind(input, actor),
    deleteWorkKind: (input, actor) => done(() => s.structure.deleteWorkKind(input.id, actor)),
    rules: () => s.structure.rules(),
    saveRules: (input, actor) => done(() => s.structure.saveRules(input, actor)),
  };
};
