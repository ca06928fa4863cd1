import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { channelKey, domainKey } from '../api/keys';
import { useChannel } from '../api/useChannel';

export const useAttendanceClasses = () => useChannel(contract.attendance.classes, {});

export const useClassWeek = (classId: number | undefined, weekStart: string) =>
  useChannel(contract.attendance.week, { classId: classId ?? 0, weekStart }, { enabled: classId !== undefined });

export const useSchoolDay = (date: string) =>
  useChannel(contract.attendance.schoolDay, { date }, { enabled: date !== '' });

/** After a change the week, the school's day and every open journal grid may show other codes: refetch them. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: domainKey('attendance') }),
      client.invalidateQueries({ queryKey: channelKey(contract.journal.grid) }),
    ]);
}

export function useConfirmWeek() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: InputOf<typeof contract.attendance.confirmWeek>) =>
      invoke(contract.attendance.confirmWeek, input),
    onSuccess: refresh,
  });
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
