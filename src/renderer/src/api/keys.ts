import type { QueryKey } from '@tanstack/react-query';
import type { Channel, contract, InputOf } from '../../../shared/contract';

export type Domain = keyof typeof contract;

const nameOf = (channel: Channel) => channel.channel.split(':') as [Domain, string];

/**
 * Every cached answer is keyed `[domain, verb, input]` from its channel `domain:verb`. So a write invalidates a
 * domain, a channel, or the answers whose input has some fields (TanStack matches an object in a key by the
 * fields given), and a logout forgets every domain but 'auth' and 'setup'.
 */
export const queryKey = <C extends Channel>(channel: C, input: InputOf<C>): QueryKey => [...nameOf(channel), input];

/** The answers of one channel; with `input`, only those asked with these fields. */
export const channelKey = <C extends Channel>(channel: C, input?: Partial<InputOf<C>>): QueryKey =>
  input === undefined ? nameOf(channel) : [...nameOf(channel), input];

/** Every answer of a domain (`journal`, `school`, …). */
export const domainKey = (domain: Domain): QueryKey => [domain];
