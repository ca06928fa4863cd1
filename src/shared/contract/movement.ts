import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, personName } from './common';
import { reportTable } from './report-table';

/** A director's order: its number and date are required for every movement (docs/DOMAIN.md, «движение учащихся»). */
const order = {
  orderNumber: z.string().trim().min(1, 'Укажите номер приказа').max(30),
  orderDate: isoDate,
};
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

export const movementStudent = z.object({
  id: entityId,
  name: z.string(),
  birthDate: isoDate.nullable(),
  personalFileNo: z.string().nullable(),
  /** The subgroups the student is in on the date asked, by subject. */
  subgroups: z.array(z.object({ subgroupId: entityId, subjectName: z.string(), name: z.string() })),
});
export const movementClass = z.object({
  id: entityId,
  name: z.string(),
  grade: z.number().int(),
  students: z.array(movementStudent),
  subgroups: z.array(z.object({ id: entityId, subjectName: z.string(), name: z.string(), members: z.number().int() })),
});
export type MovementClass = z.infer<typeof movementClass>;

export const movementKind = z.enum(['enrolled', 'arrived', 'left', 'transferred']);
export const movementRegisterRow = z.object({
  id: entityId,
  date: isoDate,
  kind: movementKind,
  studentId: entityId,
  name: z.string(),
  birthDate: isoDate.nullable(),
  personalFileNo: z.string().nullable(),
  fromClassId: entityId.nullable(),
  fromClass: z.string().nullable(),
  toClassId: entityId.nullable(),
  toClass: z.string().nullable(),
  orderNumber: z.string(),
  orderDate: isoDate,
  note: z.string().nullable(),
  /** An order cancelled as entered by mistake keeps its line in the register, with the reason. */
  cancelReason: z.string().nullable(),
});
export type MovementRegisterRow = z.infer<typeof movementRegisterRow>;
export const movementRegisterInput = z
  .object({
    yearId: entityId.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    classId: entityId.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'Начало периода позже его конца', path: ['from'] });
export const movementRegister = z.object({
  yearName: z.string(),
  from: isoDate,
  to: isoDate,
  rows: z.array(movementRegisterRow),
  tables: z.array(reportTable),
});

const reason = z.string().trim().min(1, 'Укажите причину исправления или отмены').max(500);
const done = z.object({ movementId: entityId.nullable(), message: z.string() });

/** Движение учащихся: the secretary (and the admin) enter the director's orders; the administration reads them. */
export const movementContract = {
  classes: defineChannel({
    channel: 'movement:classes',
    access: 'movement.read',
    input: z.object({ yearId: entityId.optional(), date: isoDate.optional() }),
    output: z.object({
      yearId: entityId,
      yearName: z.string(),
      date: isoDate,
      closed: z.boolean(),
      classes: z.array(movementClass),
    }),
  }),
  arrive: defineChannel({
    channel: 'movement:arrive',
    access: 'movement.manage',
    input: z.object({
      kind: z.enum(['enrolled', 'arrived']).default('arrived'),
      lastName: personName,
      firstName: personName,
      middleName: optionalText(100),
      birthDate: isoDate.optional(),
      gender: z.enum(['m', 'f']).optional(),
      personalFileNo: optionalText(30),
      classId: entityId,
      date: isoDate,
      /** Where the student comes from (another school, another town). */
      from: optionalText(200),
      ...order,
    }),
    output: done.extend({ studentId: entityId }),
  }),
  transfer: defineChannel({
    channel: 'movement:transfer',
    access: 'movement.manage',
    input: z.object({ studentId: entityId, toClassId: entityId, date: isoDate, note: optionalText(200), ...order }),
    output: done,
  }),
  changeSubgroup: defineChannel({
    channel: 'movement:changeSubgroup',
    access: 'movement.manage',
    input: z.object({ studentId: entityId, toSubgroupId: entityId, date: isoDate, ...order }),
    output: done,
  }),
  leave: defineChannel({
    channel: 'movement:leave',
    access: 'movement.manage',
    input: z.object({
      studentId: entityId,
      date: isoDate,
      to: z.string().trim().min(1, 'Укажите, куда выбыл ученик').max(200),
      ...order,
    }),
    output: done,
  }),
  /** An order entered wrongly, corrected as a whole (every field sent), with the reason the audit keeps. */
  correct: defineChannel({
    channel: 'movement:correct',
    access: 'movement.manage',
    input: z.object({
      movementId: entityId,
      reason,
      date: isoDate,
      toClassId: entityId.optional(),
      note: optionalText(200),
      ...order,
    }),
    output: done,
  }),
  /** An order cancelled: the lists return to what they were before it. */
  cancel: defineChannel({
    channel: 'movement:cancel',
    access: 'movement.manage',
    input: z.object({ movementId: entityId, reason }),
    output: done,
  }),
  register: defineChannel({
    channel: 'movement:register',
    access: 'movement.read',
    input: movementRegisterInput,
    output: movementRegister,
  }),
  registerFile: defineChannel({
    channel: 'movement:registerFile',
    access: 'movement.read',
    input: z.object({ params: movementRegisterInput, format: z.enum(['xlsx', 'pdf']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  }),
};
