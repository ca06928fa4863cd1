import { contract } from '../../../shared/contract';
import { queryKey } from './keys';
import { useChannel } from './useChannel';

/** Who is logged in: set by the login and the lock screen, kept through a logout as `null`. */
export const meKey = queryKey(contract.auth.me, {});
export const setupStatusKey = queryKey(contract.setup.status, {});

export const useSetupStatus = () => useChannel(contract.setup.status, {});

export const useMe = (enabled: boolean) => useChannel(contract.auth.me, {}, { enabled, staleTime: Infinity });

/** The journals of a school year (the current one by default). */
export const useAssignments = (yearId?: number) => useChannel(contract.journal.assignments, { yearId });

export const usePeriods = (yearId: number | undefined, grade: number | undefined) =>
  useChannel(
    contract.school.periods,
    { yearId: yearId ?? 0, grade },
    { enabled: yearId !== undefined && grade !== undefined, staleTime: 5 * 60_000 },
  );

/** The cache key of a loaded grid: the year's page is kept apart from its last period's. */
export const gridKey = (grid: { assignment: { id: number }; scope: 'period' | 'year'; period: { id: number } }) =>
  queryKey(contract.journal.grid, {
    assignmentId: grid.assignment.id,
    periodId: grid.scope === 'year' ? 'year' : grid.period.id,
  });

export const useGridData = (assignmentId: number | undefined, periodId: number | 'year' | undefined) =>
  useChannel(
    contract.journal.grid,
    { assignmentId: assignmentId ?? 0, periodId: periodId ?? 0 },
    { enabled: assignmentId !== undefined && periodId !== undefined },
  );

export const useFinals = (assignmentId: number, enabled = true) =>
  useChannel(contract.journal.finals, { assignmentId }, { enabled });

export const useTeachers = (enabled: boolean) =>
  useChannel(contract.lessons.teachers, {}, { enabled, staleTime: 10 * 60_000 });

export const useMyDay = (date: string) => useChannel(contract.day.mine, { date });

export const usePeriodLocks = (yearId: number | undefined) =>
  useChannel(contract.periods.locks, { yearId: yearId ?? 0 }, { enabled: yearId !== undefined });
