import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const structureHandlers = (s: Services): Handlers['structure'] => {
  const done = (fn: () => void) => {
    fn();
    return null;
  };
  return {
    overview: (input) => s.structure.overview(input.yearId),
    saveSubject: (input, actor) => s.structure.saveSubject(input, must(actor)),
    deleteSubject: (input, actor) => done(() => s.structure.deleteSubject(input.id, must(actor))),
    saveCurriculum: (input, actor) => s.structure.saveCurriculum(input, must(actor)),
    deleteCurriculum: (input, actor) => done(() => s.structure.deleteCurriculum(input.id, must(actor))),
    saveClass: (input, actor) => s.structure.saveClass(input, must(actor)),
    deleteClass: (input, actor) => done(() => s.structure.deleteClass(input.id, must(actor))),
    saveAssignment: (input, actor) => s.structure.saveAssignment(input, must(actor)),
    deleteAssignment: (input, actor) => done(() => s.structure.deleteAssignment(input.id, must(actor))),
    saveSubgroup: (input, actor) => s.structure.saveSubgroup(input, must(actor)),
    deleteSubgroup: (input, actor) => done(() => s.structure.deleteSubgroup(input.id, must(actor))),
    subgroupMembers: (input) => s.structure.subgroupMembers(input.subgroupId, input.date),
    setSubgroupMembers: (input, actor) => s.structure.setSubgroupMembers(input, must(actor)),
    saveWorkKind: (input, actor) => s.structure.saveWorkKind(input, must(actor)),
    deleteWorkKind: (input, actor) => done(() => s.structure.deleteWorkKind(input.id, must(actor))),
    rules: () => s.structure.rules(),
    saveRules: (input, actor) => done(() => s.structure.saveRules(input, must(actor))),
  };
};
