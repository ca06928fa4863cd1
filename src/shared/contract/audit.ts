import { z } from 'zod';
import { auditKindNames } from '../audit';
import { entityId, isoDate } from './common';
import { defineChannel } from './define';

export const auditFilter = z
  .object({
    userId: entityId.optional(),
    classId: entityId.optional(),
    studentId: entityId.optional(),
    subjectId: entityId.optional(),
    kind: z.enum(auditKindNames).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'Начало периода позже его конца', path: ['to'] });
export type AuditFilterInput = z.infer<typeof auditFilter>;

const cursor = z.object({ at: z.string().max(19), id: entityId });

export const auditRow = z.object({
  id: entityId,
  at: z.string(),
  user: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  className: z.string().nullable(),
  student: z.string().nullable(),
  subject: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditRowOut = z.infer<typeof auditRow>;

const option = z.object({ id: entityId, name: z.string() });

/** The audit log viewer: the admin and the deputy read and export it; nobody changes it. */
export const auditContract = {
  list: defineChannel({
    channel: 'audit:list',
    access: 'audit.read',
    input: z.object({
      filter: auditFilter,
      cursor: cursor.nullable().default(null),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(auditRow), next: cursor.nullable() }),
  }),
  /** What the filters offer: users, the current year's classes, subjects, and the students of a chosen class. */
  options: defineChannel({
    channel: 'audit:options',
    access: 'audit.read',
    input: z.object({ classId: entityId.optional() }),
    output: z.object({
      users: z.array(option),
      classes: z.array(option),
      subjects: z.array(option),
      students: z.array(option),
      /** For the values: a mark's kind of work by name («5 (Ответ на уроке)»). */
      workKinds: z.array(option),
    }),
  }),
  export: defineChannel({
    channel: 'audit:export',
    access: 'audit.read',
    input: z.object({ filter: auditFilter }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      base64: z.string(),
      rows: z.number().int(),
      truncated: z.boolean(),
    }),
  }),
  /** Whether the chain of the log's seals is whole (core/audit/chain.ts), and where it breaks. */
  verifyChain: defineChannel({
    channel: 'audit:verifyChain',
    access: 'audit.read',
    input: z.object({}),
    output: z.object({
      whole: z.boolean(),
      entries: z.number().int(),
      unsealed: z.number().int(),
      brokenAt: z.object({ id: z.number().int(), at: z.string(), reason: z.enum(['changed', 'unsealed']) }).nullable(),
      keyMissing: z.boolean(),
      summary: z.string(),
    }),
  }),
};
