import { z } from 'zod';
import { defineChannel } from './define';
import { entityId } from './common';

const bookOptions = z.object({
  duplex: z.boolean().default(false),
  personalData: z.boolean().default(false),
});

export const printClass = z.object({ id: entityId, name: z.string(), classTeacher: z.string().nullable() });

export const preflightIssue = z.object({
  kind: z.enum([
    'no_topic',
    'missing_period_mark',
    'missing_year_mark',
    'control_without_marks',
    'entries_on_unheld',
    'lesson_without_status',
  ]),
  /** The journal (and period, and lesson when it is about one) where a teacher fixes it. */
  assignmentId: entityId,
  periodId: entityId.nullable(),
  lessonId: entityId.nullable(),
  subject: z.string(),
  teacher: z.string(),
  count: z.number().int(),
  message: z.string(),
});
export type PreflightIssue = z.infer<typeof preflightIssue>;

export const schoolBook = z.object({
  className: z.string(),
  file: z.string().nullable(),
  pages: z.number().int().nullable(),
  sheets: z.number().int().nullable(),
  error: z.string().nullable(),
  /** The preflight found the book incomplete: why, as its certification page and the act say. */
  draft: z.string().nullable(),
});

export const printJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  folder: z.string(),
  books: z.array(schoolBook),
  act: z.string().nullable(),
  error: z.string().nullable(),
});
export type PrintJob = z.infer<typeof printJob>;

const jobRef = z.object({ jobId: z.string().max(100) });

export const printContract = {
  classes: defineChannel({
    channel: 'print:classes',
    access: 'print.read',
    input: z.object({ yearId: entityId.optional() }),
    output: z.object({
      years: z.array(z.object({ id: entityId, name: z.string(), isCurrent: z.boolean() })),
      yearId: entityId,
      classes: z.array(printClass),
    }),
  }),
  preflight: defineChannel({
    channel: 'print:preflight',
    access: 'print.read',
    input: z.object({ classId: entityId }),
    output: z.object({ issues: z.array(preflightIssue) }),
  }),
  /** One class's book into the print folder; preflight issues make it a draft, said on the certification page. */
  classBook: defineChannel({
    channel: 'print:classBook',
    access: 'print.read',
    input: bookOptions.extend({ classId: entityId }),
    output: z.object({ file: z.string(), pages: z.number().int(), sheets: z.number().int(), issues: z.number().int() }),
  }),
  /** The whole school runs in the background: poll print:job for progress, print:cancel to stop between classes. */
  startSchool: defineChannel({
    channel: 'print:startSchool',
    access: 'print.journal',
    input: bookOptions.extend({ yearId: entityId.optional() }),
    output: z.object({ jobId: z.string() }),
  }),
  job: defineChannel({ channel: 'print:job', access: 'print.journal', input: jobRef, output: printJob }),
  cancel: defineChannel({
    channel: 'print:cancel',
    access: 'print.journal',
    input: jobRef,
    output: z.object({ cancelled: z.boolean() }),
  }),
  /** Opens a printed file in the system's PDF viewer, or sends it to the printer: the desktop app only. */
  open: defineChannel({
    channel: 'print:open',
    access: 'print.read',
    input: z.object({ file: z.string().min(1).max(1000), action: z.enum(['open', 'print']) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  /** A printed file's bytes, for the computer that asked for it: a browser downloads the book made on the server. */
  download: defineChannel({
    channel: 'print:download',
    access: 'print.read',
    input: z.object({ file: z.string().min(1).max(1000) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  }),
};
