import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { invoke } from './invoke';
import { queryKey } from './keys';

export type ChannelQueryOptions<C extends Channel> = Omit<
  UseQueryOptions<OutputOf<C>, Error, OutputOf<C>, QueryKey>,
  'queryKey' | 'queryFn'
>;

/** One call of the contract read through the cache: `useChannel(contract.school.years, {})`. */
export function useChannel<C extends Channel>(channel: C, input: InputOf<C>, options?: ChannelQueryOptions<C>) {
  return useQuery({ ...options, queryKey: queryKey(channel, input), queryFn: () => invoke(channel, input) });
}
