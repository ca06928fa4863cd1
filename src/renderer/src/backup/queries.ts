import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { domainKey, queryKey } from '../api/keys';
import { useChannel } from '../api/useChannel';

/** While a backup runs, the screen follows its progress by asking for the status twice a second. */
export const useBackupStatus = () =>
  useChannel(
    contract.backup.status,
    {},
    {
      refetchInterval: (q) => (q.state.data?.running ? 500 : 15_000),
      staleTime: 0,
    },
  );

/** `version` changes when a backup starts or ends: a list of its own (the channel's key and the version, hence not useChannel), so the files it wrote show up (not the old list meanwhile). */
export const useBackupList = (version: string) =>
  useQuery({
    queryKey: [...queryKey(contract.backup.list, {}), version],
    queryFn: () => invoke(contract.backup.list, {}),
  });

/** A change to the backup settings, after which the status (and the list of files) is read again. */
export function useBackupMutation<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: domainKey('backup') });
    },
  });
}
