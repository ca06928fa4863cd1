import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { channelKey } from '../api/keys';
import { useChannel } from '../api/useChannel';

export const usePlan = (assignmentId: number) => useChannel(contract.plans.get, { assignmentId });

/** The preview shows its own failure (a file it cannot read) beside the file field. */
export const usePreviewImport = () =>
  useMutation({
    mutationFn: (input: InputOf<typeof contract.plans.previewImport>) => invoke(contract.plans.previewImport, input),
    meta: { ownsErrors: true },
  });

/** A saved plan or topics put on lessons change what the journal shows (its topics, its lesson list): refetch both. */
function useRefresh(assignmentId: number) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: channelKey(contract.plans.get, { assignmentId }) }),
      client.invalidateQueries({ queryKey: channelKey(contract.journal.grid, { assignmentId }) }),
    ]);
}

export function useSavePlan(assignmentId: number) {
  const refresh = useRefresh(assignmentId);
  return useMutation({
    mutationFn: (rows: InputOf<typeof contract.plans.save>['rows']) =>
      invoke(contract.plans.save, { assignmentId, rows }),
    onSuccess: refresh,
  });
}

export function useAssignPlan(assignmentId: number) {
  const refresh = useRefresh(assignmentId);
  return useMutation({
    mutationFn: (fromDate: string) => invoke(contract.plans.assign, { assignmentId, fromDate }),
    onSuccess: refresh,
  });
}
