import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contract, type BackupStatus } from '../../../shared/contract';
import { invoke } from '../api/invoke';

export const backupKeys = {
  status: ['backup', 'status'] as const,
  list: ['backup', 'list'] as const,
};

/** While a backup runs, the screen follows its progress by asking for the status twice a second. */
export const useBackupStatus = () =>
  useQuery({
    queryKey: backupKeys.status,
    queryFn: () => invoke(contract.backup.status, {}),
    refetchInterval: (q) => ((q.state.data as BackupStatus | undefined)?.running ? 500 : 15_000),
    staleTime: 0,
  });

/** `version` changes when a backup ends, so the files it wrote show up. */
export const useBackupList = (version: string) => useQuery({ queryKey: [...backupKeys.list, version], queryFn: () => invoke(contract.backup.list, {}) });

/** A change to the backup settings, after which the status (and the list of files) is read again. */
export function useBackupMutation<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['backup'] });
    },
  });
}
