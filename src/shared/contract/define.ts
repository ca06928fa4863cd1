import type { z } from 'zod';
import type { Access } from '../roles';

/** One call of the contract: its channel name `domain:verb`, input and output schemas, and who may call it. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Access = Access> {
  readonly channel: string;
  readonly input: I;
  readonly output: O;
  readonly access: A;
  /**
   * A dangerous change that a session alone must not make: the input's `password` is the caller's own, checked
   * by the dispatcher before the handler runs and counted like a login when wrong. `ifGiven`: checked when the
   * input has one (the service decides when it is required).
   */
  readonly stepUp?: 'always' | 'ifGiven';
}

/** Keeps the literal `access`, so that a gated channel's handler is typed with an actor that is never null. */
export function defineChannel<I extends z.ZodType, O extends z.ZodType, A extends Access>(
  def: Channel<I, O, A>,
): Channel<I, O, A> {
  return def;
}

export type InputOf<C extends Channel> = z.input<C['input']>;
export type ParsedInputOf<C extends Channel> = z.output<C['input']>;
export type OutputOf<C extends Channel> = z.output<C['output']>;
