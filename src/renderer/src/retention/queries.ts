import { contract } from '../../../shared/contract';
import { queryKey } from '../api/keys';
import { useChannel } from '../api/useChannel';

export const retentionKey = queryKey(contract.retention.register, {});

export const useRetention = () => useChannel(contract.retention.register, {}, { refetchInterval: 60 * 60_000 });
