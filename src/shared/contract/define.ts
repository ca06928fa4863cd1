import type { z } from 'zod';
import type { Access } from '../roles';

/** One call of the contract: its channel name `domain:verb`, input and output schemas, and who may call it. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly input: I;
  readonly output: O;
  readonly access: Access;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(def: Channel<I, O>): Channel<I, O> {
  return def;
}

export type InputOf<C extends Channel> = z.input<C['input']>;
export type ParsedInputOf<C extends Channel> = z.output<C['input']>;
export type OutputOf<C extends Channel> = z.output<C['output']>;
