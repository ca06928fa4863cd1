import { useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from './invoke';

/** Query keys: the first element names what a logout must forget ('auth' and 'setup' survive it). */
export const keys = {
  status: ['setup', 'status'] as const,
  me: ['auth', 'me'] as const,
  assignments: ['journal', 'assignments'] as const,
  periods: (yearId: number, grade: number) => ['school', 'periods', yearId, grade] as const,
  grid: (assignmentId: number, periodId: number) => ['journal', 'grid', assignmentId, periodId] as const,
};

export const useSetupStatus = () => useQuery({ queryKey: keys.status, queryFn: () => invoke(contract.setup.status, {}) });

export const useMe = (enabled: boolean) =>
  useQuery({ queryKey: keys.me, queryFn: () => invoke(contract.auth.me, {}), enabled, staleTime: Infinity });

export const useAssignments = () =>
  useQuery({ queryKey: keys.assignments, queryFn: () => invoke(contract.journal.assignments, {}) });

export const usePeriods = (yearId: number | undefined, grade: number | undefined) =>
  useQuery({
    queryKey: keys.periods(yearId ?? 0, grade ?? 0),
    queryFn: () => invoke(contract.school.periods, { yearId: yearId ?? 0, grade }),
    enabled: yearId !== undefined && grade !== undefined,
    staleTime: 5 * 60_000,
  });

export const useGridData = (assignmentId: number | undefined, periodId: number | undefined) =>
  useQuery({
    queryKey: keys.grid(assignmentId ?? 0, periodId ?? 0),
    queryFn: () => invoke(contract.journal.grid, { assignmentId: assignmentId ?? 0, periodId: periodId ?? 0 }),
    enabled: assignmentId !== undefined && periodId !== undefined,
  });
