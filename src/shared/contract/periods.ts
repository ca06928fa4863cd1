import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, text } from './common';

export const periodLock = z.object({
  id: entityId,
  periodId: entityId,
  periodName: z.string(),
  classId: entityId.nullable(),
  className: z.string().nullable(), // null: the whole school
  lockedAt: z.string(),
  lockedBy: z.string(),
});

/** The deputy closes a period (for a class or the whole school); reopening needs a written reason. */
export const periodsContract = {
  locks: defineChannel({
    channel: 'periods:locks',
    access: 'session',
    input: z.object({ yearId: entityId }),
    output: z.array(periodLock),
  }),
  lock: defineChannel({
    channel: 'periods:lock',
    access: 'periods.lock',
    input: z.object({ periodId: entityId, classId: entityId.nullable().optional() }),
    output: periodLock,
  }),
  unlock: defineChannel({
    channel: 'periods:unlock',
    access: 'periods.lock',
    input: z.object({
      lockId: entityId,
      reason: text(500, { min: 5, tooShort: 'Укажите причину: не короче 5 символов' }),
    }),
    output: z.null(),
  }),
};
