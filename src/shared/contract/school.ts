import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate } from './common';

export const schoolYear = z.object({
  id: entityId,
  name: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  isCurrent: z.boolean(),
});
export const period = z.object({
  id: entityId,
  name: z.string(),
  scheme: z.enum(['quarters', 'trimesters', 'half_years']),
  number: z.number().int(),
  startDate: isoDate,
  endDate: isoDate,
});
export type Period = z.infer<typeof period>;

export const schoolContract = {
  years: defineChannel({
    channel: 'school:years',
    access: 'session',
    input: z.object({}),
    output: z.array(schoolYear),
  }),
  periods: defineChannel({
    channel: 'school:periods',
    access: 'session',
    input: z.object({ yearId: entityId, grade: z.number().int().min(1).max(11).optional() }),
    output: z.array(period),
  }),
};
