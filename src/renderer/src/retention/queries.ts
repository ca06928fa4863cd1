import { useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';

export const retentionKey = ['retention', 'register'] as const;

export const useRetention = () => useQuery({ queryKey: retentionKey, queryFn: () => invoke(contract.retention.register, {}), refetchInterval: 60 * 60_000 });
