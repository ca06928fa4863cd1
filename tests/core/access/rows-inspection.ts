// The deputy's remarks and saved checks: the deputy writes, confirms and reopens remarks and saves checks; the
// journal's own teacher reads theirs in «Мой день» and marks them done.
import type { Role } from '../../../src/shared/roles';
import type { Ctx, Row } from './rows-kit';

const inspectors: readonly Role[] = ['deputy'];
const teachers: readonly Role[] = ['teacher', 'class_teacher'];

/** The remark the deputy wrote on a journal in the row of inspection:write (none when the fuzz refused it). */
const remarkOn = ({ core, s }: Ctx, assignmentId: number) =>
  (core.db.$client
    .prepare('select max(id) from inspection_remarks where assignment_id = ?')
    .pluck()
    .get(assignmentId) as number | null) ?? 999_999;

export const inspectionRows: Record<string, Row> = {
  'inspection:write': {
    allow: inspectors,
    input: ({ s }) => ({ assignmentId: s.assignments.mat5, text: 'Не записаны темы', fixBy: '2099-01-01' }),
  },
  'inspection:list': { allow: inspectors },
  'inspection:mine': { allow: teachers },
  // Math's own journal: klruk (the class teacher) does not keep 5А maths.
  'inspection:done': {
    allow: teachers,
    input: (c) => ({ id: remarkOn(c, c.s.assignments.mat5) }),
    outcome: { class_teacher: 'forbidden' },
  },
  'inspection:confirm': { allow: inspectors, input: (c) => ({ id: remarkOn(c, c.s.assignments.mat5) }) },
  'inspection:reopen': {
    allow: inspectors,
    input: (c) => ({ id: remarkOn(c, c.s.assignments.mat5), reason: 'Не исправлено' }),
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
