import { useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from './invoke';

/** Query keys: the first element names what a logout must forget ('auth' and 'setup' survive it). */
export const keys = {
  status: ['setup', 'status'] as const,
  me: ['auth', 'me'] as const,
  assignments: ['journal', 'assignments'] as const,
  periods: (yearId: number, grade: number) => ['school', 'periods', yearId, grade] as const,
  grid: (assignmentId: number, periodId: number | 'year') => ['journal', 'grid', assignmentId, periodId] as const,
  finals: (assignmentId: number) => ['journal', 'finals', assignmentId] as const,
  teachers: ['lessons', 'teachers'] as const,
  day: (date: string) => ['day', date] as const,
  locks: (yearId: number) => ['periods', 'locks', yearId] as const,
};

export const useSetupStatus = () => useQuery({ queryKey: keys.status, queryFn: () => invoke(contract.setup.status, {}) });

export const useMe = (enabled: boolean) =>
  useQuery({ queryKey: keys.me, queryFn: () => invoke(contract.auth.me, {}), enabled, staleTime: Infinity });

/** The journals of a school year (the current one by default). */
export const useAssignments = (yearId?: number) =>
  useQuery({ queryKey: [...keys.assignments, yearId ?? 'current'], queryFn: () => invoke(contract.journal.assignments, { yearId }) });

export const usePeriods = (yearId: number | undefined, grade: number | undefined) =>
  useQuery({
    queryKey: keys.periods(yearId ?? 0, grade ?? 0),
    queryFn: () => invoke(contract.school.periods, { yearId: yearId ?? 0, grade }),
    enabled: yearId !== undefined && grade !== undefined,
    staleTime: 5 * 60_000,
  });

/** The cache key of a loaded grid: the year's page is kept apart from its last period's. */
export const gridKey = (grid: { assignment: { id: number }; scope: 'period' | 'year'; period: { id: number } }) =>
  keys.grid(grid.assignment.id, grid.scope === 'year' ? 'year' : grid.period.id);

export const useGridData = (assignmentId: number | undefined, periodId: number | 'year' | undefined) =>
  useQuery({
    queryKey: keys.grid(assignmentId ?? 0, periodId ?? 0),
    queryFn: () => invoke(contract.journal.grid, { assignmentId: assignmentId ?? 0, periodId: periodId ?? 0 }),
    enabled: assignmentId !== undefined && periodId !== undefined,
  });

export const useFinals = (assignmentId: number, enabled = true) =>
  useQuery({ queryKey: keys.finals(assignmentId), queryFn: () => invoke(contract.journal.finals, { assignmentId }), enabled });

export const useTeachers = (enabled: boolean) =>
  useQuery({ queryKey: keys.teachers, queryFn: () => invoke(contract.lessons.teachers, {}), enabled, staleTime: 10 * 60_000 });

export const useMyDay = (date: string) => useQuery({ queryKey: keys.day(date), queryFn: () => invoke(contract.day.mine, { date }) });

export const usePeriodLocks = (yearId: number | undefined) =>
  useQuery({ queryKey: keys.locks(yearId ?? 0), queryFn: () => invoke(contract.periods.locks, { yearId: yearId ?? 0 }), enabled: yearId !== undefined });
