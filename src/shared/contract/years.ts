import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, journalLine } from './common';

export const yearOutcome = z.enum(['promoted', 'conditional', 'retained', 'graduated']);
export type YearOutcome = z.infer<typeof yearOutcome>;
export const yearOutcomeNames: Record<YearOutcome, string> = {
  promoted: 'переведён',
  conditional: 'условно переведён',
  retained: 'оставлен на повторное обучение',
  graduated: 'выпущен',
};

const order = { orderNumber: z.string().trim().min(1, 'Укажите номер приказа').max(30), orderDate: isoDate };

export const markGap = z.object({
  ...journalLine,
  periodName: z.string(),
  endDate: isoDate,
  students: z.array(z.string()),
});
export type MarkGap = z.infer<typeof markGap>;

export const outcomeRow = z.object({
  studentId: entityId,
  name: z.string(),
  classId: entityId,
  className: z.string(),
  grade: z.number().int(),
  debts: z.array(z.string()),
  proposed: yearOutcome,
  decided: z
    .object({ outcome: yearOutcome, orderNumber: z.string().nullable(), orderDate: z.string().nullable() })
    .nullable(),
});
export type OutcomeRow = z.infer<typeof outcomeRow>;

export const yearStatus = z.object({
  year: z.object({ id: entityId, name: z.string(), startDate: isoDate, endDate: isoDate, isCurrent: z.boolean() }),
  closed: z.object({ closedAt: z.string(), orderNumber: z.string(), orderDate: z.string() }).nullable(),
  /** Marks missing in terms that have ended. */
  gaps: z.array(markGap),
  /** Terms not yet ended, with the marks they will need: not gaps yet. */
  notEnded: z.array(
    z.object({ periodName: z.string(), endDate: isoDate, journals: z.number().int(), marks: z.number().int() }),
  ),
  students: z.array(outcomeRow),
  nextYear: z.object({ id: entityId, name: z.string() }).nullable(),
  suggestedNext: z.object({ name: z.string(), startDate: isoDate, endDate: isoDate }),
});
export type YearStatus = z.infer<typeof yearStatus>;

/** Closing the school year: the deputy and the admin check marks, record decisions and lock; the admin opens the next. */
export const yearsContract = {
  status: defineChannel({
    channel: 'years:status',
    access: 'year.close',
    input: z.object({ yearId: entityId.optional() }),
    output: yearStatus,
  }),
  decide: defineChannel({
    channel: 'years:decide',
    access: 'year.close',
    input: z.object({
      yearId: entityId,
      decisions: z
        .array(z.object({ studentId: entityId, outcome: yearOutcome }))
        .min(1, 'Нет решений для записи')
        .max(5000),
      ...order,
    }),
    output: z.object({ saved: z.number().int() }),
  }),
  close: defineChannel({
    channel: 'years:close',
    access: 'year.close',
    input: z.object({ yearId: entityId, acceptGaps: z.boolean().default(false), ...order }),
    output: z.object({ message: z.string() }),
  }),
  prepareNext: defineChannel({
    channel: 'years:prepareNext',
    access: 'school.manage',
    input: z
      .object({
        fromYearId: entityId,
        name: z
          .string()
          .trim()
          .max(9, 'Название года: ГГГГ/ГГГГ')
          .regex(/^\d{4}\/\d{4}$/, 'Название года: ГГГГ/ГГГГ'),
        startDate: isoDate,
        endDate: isoDate,
      })
      .refine((v) => v.startDate < v.endDate, { message: 'Начало учебного года позже его конца', path: ['endDate'] }),
    output: z.object({ yearId: entityId, message: z.string() }),
  }),
};
