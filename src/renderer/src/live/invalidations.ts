import type { InvalidateQueryFilters } from '@tanstack/react-query';
import { contract, type JournalGrid } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/live';
import { channelKey, domainKey } from '../api/keys';

/** One set of cached answers to ask again; `id` makes the same one named by several changes asked once. */
export interface Invalidation {
  id: string;
  filters: InvalidateQueryFilters;
}

const byKey = (queryKey: readonly unknown[]): Invalidation => ({ id: JSON.stringify(queryKey), filters: { queryKey } });

const grid = (assignmentId: number) => byKey(channelKey(contract.journal.grid, { assignmentId }));
const journal = (assignmentId: number) => [
  grid(assignmentId),
  byKey(channelKey(contract.journal.finals, { assignmentId })),
];
/** Every open page of a class's journals: a grid's key names its journal, its data names the class. */
const gridsOfClass = (classId: number): Invalidation => ({
  id: `grids of class ${classId}`,
  filters: {
    queryKey: channelKey(contract.journal.grid),
    predicate: (q) => (q.state.data as JournalGrid | undefined)?.assignment.classId === classId,
  },
});
const day = byKey(domainKey('day'));
const reports = byKey(domainKey('reports'));
const attendance = byKey(domainKey('attendance'));
const yearCheck = byKey(channelKey(contract.years.status));

/** What the screens that show a change ask again: the grid, the lesson panel, «Мой день», the week, reports. */
export function invalidationsOf(event: ChangeEvent): Invalidation[] {
  switch (event.domain) {
    case 'marks':
      return [
        grid(event.assignmentId),
        byKey(channelKey(contract.journal.cellHistory, { lessonId: event.lessonId })),
        day,
        reports,
        yearCheck,
      ];
    case 'absences':
      return [
        grid(event.assignmentId),
        byKey(channelKey(contract.journal.cellHistory, { lessonId: event.lessonId })),
        attendance,
        day,
        reports,
      ];
    case 'attendance':
      return [gridsOfClass(event.classId), byKey(channelKey(contract.journal.cellHistory)), attendance, day, reports];
    case 'lessons':
      return [
        grid(event.assignmentId),
        byKey(channelKey(contract.plans.get, { assignmentId: event.assignmentId })),
        byKey(channelKey(contract.journal.assignments)),
        byKey(domainKey('substitutions')),
        attendance,
        day,
        reports,
      ];
    case 'remarks':
    case 'checks':
      return [byKey(domainKey('inspection'))];
    case 'periodMarks':
      return [...journal(event.assignmentId), reports, yearCheck];
    case 'plans':
      return [
        grid(event.assignmentId),
        byKey(channelKey(contract.plans.get, { assignmentId: event.assignmentId })),
        day,
      ];
    case 'periodLocks':
      return [byKey(domainKey('periods')), byKey(domainKey('journal')), byKey(domainKey('years'))];
    case 'users':
      return [byKey(domainKey('users'))];
    case 'backup':
      return [byKey(domainKey('backup'))];
    case 'network':
      return [byKey(domainKey('network'))];
    case 'retention':
      return [byKey(domainKey('retention'))];
    case 'school':
    case 'everything':
      return [everything];
  }
}

/** Everything on screen (after a lost connection, changes may have been missed). */
export const everything: Invalidation = { id: 'everything', filters: {} };

/** The changes of a moment as one list, each set of answers once. */
export function invalidationsOfAll(events: readonly ChangeEvent[]): Invalidation[] {
  const all = new Map<string, Invalidation>();
  for (const i of events.flatMap(invalidationsOf)) all.set(i.id, i);
  return all.has(everything.id) ? [everything] : [...all.values()];
}
