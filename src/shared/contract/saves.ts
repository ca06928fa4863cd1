import { z } from 'zod';
import { markValue } from './common';

/**
 * A save's own id, made by the client that typed it: a save sent again after an outage (its answer may have
 * been lost) is recognised by it and not written twice.
 */
export const saveId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'Номер сохранения: от 8 до 64 латинских букв, цифр и дефисов')
  .optional();

/** A cell's mark as the client last saw it: the save is refused as a conflict if someone changed it since. */
export const seenMark = z.object({ value1: markValue, value2: markValue.nullable() }).nullable();

/** What a conflict's `details` carry: the value saved meanwhile, who saved it and when. */
export interface SaveConflict {
  current: unknown;
  by: string | null;
  at: string | null;
}

export const isSaveConflict = (details: unknown): details is SaveConflict =>
  typeof details === 'object' && details !== null && 'current' in details && 'by' in details;
