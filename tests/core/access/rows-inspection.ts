// The deputy's remarks and saved checks: the deputy writes, confirms and reopens remarks and saves checks; the
// journal's own teacher reads theirs in «Мой день» and marks them done. These rows run after «years:close» has
// closed the test school's year, so a remark is refused as «locked» and there is none to mark: the gate is what
// these rows show; who may mark or confirm which remark is tests/core/inspection.test.ts.
import type { Role } from '../../../src/shared/roles';
import type { Ctx, Row } from './rows-kit';

const inspectors: readonly Role[] = ['deputy'];
const teachers: readonly Role[] = ['teacher', 'class_teacher'];

/** The remark the deputy wrote on a journal in the row of inspection:write (none when the fuzz refused it). */
const remarkOn = ({ core }: Ctx, assignmentId: number) =>
  (core.db.$client
    .prepare('select max(id) from inspection_remarks where assignment_id = ?')
    .pluck()
    .get(assignmentId) as number | null) ?? 999_999;

export const inspectionRows: Record<string, Row> = {
  'inspection:write': {
    allow: inspectors,
    input: ({ s }) => ({ assignmentId: s.assignments.mat5, text: 'Не записаны темы', fixBy: '2099-01-01' }),
    outcome: 'locked',
  },
  'inspection:list': { allow: inspectors },
  'inspection:mine': { allow: teachers },
  'inspection:done': {
    allow: teachers,
    input: (c) => ({ id: remarkOn(c, c.s.assignments.mat5) }),
    outcome: 'not_found',
  },
  'inspection:confirm': {
    allow: inspectors,
    input: (c) => ({ id: remarkOn(c, c.s.assignments.mat5) }),
    outcome: 'not_found',
  },
  'inspection:reopen': {
    allow: inspectors,
    input: (c) => ({ id: remarkOn(c, c.s.assignments.mat5), reason: 'Не исправлено' }),
    outcome: 'not_found',
  },
  'inspection:saveCheck': { allow: inspectors, input: () => ({ from: '2025-09-01', to: '2025-09-30' }) },
  'inspection:checks': { allow: inspectors },
  'inspection:check': {
    allow: inspectors,
    input: ({ core }) => ({
      id: (core.db.$client.prepare('select max(id) from journal_checks').pluck().get() as number | null) ?? 999_999,
    }),
  },
};
