import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate } from './common';

export const retentionKind = z.enum(['handover', 'journals', 'summary']);
export const retentionItem = z.object({
  yearId: entityId,
  yearName: z.string(),
  kind: retentionKind,
  document: z.string(),
  action: z.string(),
  dueDate: isoDate,
  /** keep: not yet; soon: within two months; due: the date has come; done: recorded as done. */
  state: z.enum(['keep', 'soon', 'due', 'done']),
  doneNote: z.string().nullable(),
});
export type RetentionItem = z.infer<typeof retentionItem>;
const register = z.object({ items: z.array(retentionItem), due: z.number().int() });

/** Сроки хранения: what the school keeps and until when; the secretary records each act. */
export const retentionContract = {
  register: defineChannel({
    channel: 'retention:register',
    access: 'print.read',
    input: z.object({}),
    output: register,
  }),
  markDone: defineChannel({
    channel: 'retention:markDone',
    access: 'print.journal',
    input: z.object({
      yearId: entityId,
      kind: retentionKind,
      note: z.string().trim().min(3, 'Укажите акт: номер и дату').max(200),
    }),
    output: register,
  }),
};
