import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, text } from './common';
import { reportInputs } from './reports';
import { reportTable } from './report-table';

/** open → the teacher marks it done → the deputy confirms it (closed) or reopens it (open again). */
export const remarkStatus = z.enum(['open', 'done', 'confirmed']);
export type RemarkStatus = z.infer<typeof remarkStatus>;

export const remarkStatusNames: Record<RemarkStatus, string> = {
  open: 'не исправлено',
  done: 'исправлено учителем',
  confirmed: 'подтверждено',
};

/** A remark of the deputy on one journal (class and subject). */
export const remarkRow = z.object({
  id: entityId,
  assignmentId: entityId,
  className: z.string(),
  subjectName: z.string(),
  teacherName: z.string(),
  date: isoDate,
  text: z.string(),
  fixBy: isoDate.nullable(),
  authorName: z.string(),
  status: remarkStatus,
  /** The teacher's note when marking it done. */
  response: z.string().nullable(),
  doneAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** Open and past its fix-by date. */
  overdue: z.boolean(),
  checkId: entityId.nullable(),
});
export type RemarkRow = z.infer<typeof remarkRow>;

export const checkSummary = z.object({
  id: entityId,
  date: isoDate,
  from: isoDate,
  to: isoDate,
  className: z.string().nullable(),
  checkedBy: z.string(),
  /** Journal lines with at least one fault when the check was saved. */
  findings: z.number().int(),
  remarks: z.number().int(),
});
export type CheckSummary = z.infer<typeof checkSummary>;

const remarkId = z.object({ id: entityId });

/**
 * The deputy's control of the journals: remarks on a journal with a date to fix them by, which the teacher marks
 * done and the deputy confirms or reopens; and the control report saved as a dated «Проверка журналов».
 */
export const inspectionContract = {
  write: defineChannel({
    channel: 'inspection:write',
    access: 'journals.inspect',
    input: z.object({
      assignmentId: entityId,
      text: text(1000, { min: 5, tooShort: 'Напишите замечание: не короче 5 символов' }),
      fixBy: isoDate,
      /** The saved check it comes from. */
      checkId: entityId.optional(),
    }),
    output: remarkRow,
  }),
  /** Every remark the deputy wrote, or those of one journal or one check; newest first. */
  list: defineChannel({
    channel: 'inspection:list',
    access: 'journals.inspect',
    input: z.object({
      assignmentId: entityId.optional(),
      checkId: entityId.optional(),
      status: remarkStatus.optional(),
    }),
    output: z.array(remarkRow),
  }),
  /** The remarks on the caller's own journals not yet confirmed: «Мой день». */
  mine: defineChannel({
    channel: 'inspection:mine',
    access: 'journal.write',
    input: z.object({}),
    output: z.array(remarkRow),
  }),
  done: defineChannel({
    channel: 'inspection:done',
    access: 'journal.write',
    input: z.object({ id: entityId, response: text(500).optional() }),
    output: remarkRow,
  }),
  confirm: defineChannel({
    channel: 'inspection:confirm',
    access: 'journals.inspect',
    input: remarkId,
    output: remarkRow,
  }),
  reopen: defineChannel({
    channel: 'inspection:reopen',
    access: 'journals.inspect',
    input: z.object({ id: entityId, reason: text(500, { min: 3, tooShort: 'Напишите, что не исправлено' }) }),
    output: remarkRow,
  }),
  /** Saves the control report over these dates, as it stands now, as «Проверка журналов от …». */
  saveCheck: defineChannel({
    channel: 'inspection:saveCheck',
    access: 'journals.inspect',
    input: reportInputs.control,
    output: checkSummary,
  }),
  checks: defineChannel({
    channel: 'inspection:checks',
    access: 'journals.inspect',
    input: z.object({}),
    output: z.array(checkSummary),
  }),
  check: defineChannel({
    channel: 'inspection:check',
    access: 'journals.inspect',
    input: remarkId,
    output: checkSummary.extend({ title: z.string(), subtitle: z.string(), tables: z.array(reportTable) }),
  }),
};
