import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, text } from './common';

export const planTopic = z.object({
  id: entityId,
  position: z.number().int(),
  section: z.string().nullable(),
  title: z.string(),
  hours: z.number().int(),
  homework: z.string().nullable(),
  /** Lessons already linked to this topic. */
  givenHours: z.number().int(),
});

export const planRow = z.object({
  section: text(300).nullable(),
  title: text(500, { min: 1, tooShort: 'Тема не указана' }),
  hours: z.number().int().min(1, 'Часов не меньше 1').max(200),
  /** The homework set with the topic; absent or null when the plan sets none. */
  homework: text(1000).nullable().optional(),
});

export const importedRow = z.object({
  line: z.number().int(),
  section: z.string().nullable(),
  title: z.string(),
  hours: z.number().int().nullable(),
  homework: z.string().nullable(),
  error: z.string().nullable(),
});

export const planSummary = z.object({
  assignmentId: entityId,
  topics: z.array(planTopic),
  plannedHours: z.number().int(),
  curriculumHours: z.number().int().nullable(),
  givenHours: z.number().int(),
});

/** КТП: the thematic plan of an assignment, its import from XLSX/CSV, and its topics spread over the lessons. */
export const plansContract = {
  get: defineChannel({
    channel: 'plans:get',
    access: 'journal.read_own',
    input: z.object({ assignmentId: entityId }),
    output: planSummary,
  }),
  previewImport: defineChannel({
    channel: 'plans:previewImport',
    access: 'journal.write',
    input: z.object({
      assignmentId: entityId,
      fileName: z
        .string()
        .max(255, 'Слишком длинное имя файла')
        .regex(/\.(xlsx|csv)$/i, 'Нужен файл .xlsx или .csv'),
      contentBase64: z.string().max(14_000_000, 'Файл больше 10 МБ'),
    }),
    output: z.object({
      rows: z.array(importedRow),
      plannedHours: z.number().int(),
      curriculumHours: z.number().int().nullable(),
    }),
  }),
  save: defineChannel({
    channel: 'plans:save',
    access: 'journal.write',
    input: z.object({ assignmentId: entityId, rows: z.array(planRow).min(1, 'В плане нет ни одной темы').max(500) }),
    output: planSummary,
  }),
  /** Topics in order onto the lessons from a date on that have none yet; returns how many lessons got one. */
  assign: defineChannel({
    channel: 'plans:assign',
    access: 'journal.write',
    input: z.object({ assignmentId: entityId, fromDate: isoDate }),
    output: z.object({ lessons: z.number().int() }),
  }),
};

export type PlanSummary = z.infer<typeof planSummary>;
export type PlanRow = z.infer<typeof planRow>;
