import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf } from '../../../shared/contract';
import { invoke } from '../api/invoke';

export const attendanceKeys = {
  classes: ['attendance', 'classes'] as const,
  week: (classId: number, weekStart: string) => ['attendance', 'week', classId, weekStart] as const,
  day: (date: string) => ['attendance', 'day', date] as const,
};

export const useAttendanceClasses = () => useQuery({ queryKey: attendanceKeys.classes, queryFn: () => invoke(contract.attendance.classes, {}) });

export const useClassWeek = (classId: number | undefined, weekStart: string) =>
  useQuery({
    queryKey: attendanceKeys.week(classId ?? 0, weekStart),
    queryFn: () => invoke(contract.attendance.week, { classId: classId ?? 0, weekStart }),
    enabled: classId !== undefined,
  });

export const useSchoolDay = (date: string) =>
  useQuery({ queryKey: attendanceKeys.day(date), queryFn: () => invoke(contract.attendance.schoolDay, { date }), enabled: date !== '' });

/** After a change the week, the school's day and every open journal grid may show other codes: refetch them. */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['attendance'] }), client.invalidateQueries({ queryKey: ['journal', 'grid'] })]);
}

export function useConfirmWeek() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InputOf<typeof contract.attendance.confirmWeek>) => invoke(contract.attendance.confirmWeek, input), onSuccess: refresh });
}

export function useSetReason() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: InputOf<typeof contract.attendance.setReason>) => invoke(contract.attendance.setReason, input),
    onSuccess: refresh,
    // The dialog shows a refused reason beside its fields.
    meta: { ownsErrors: true },
  });
}
