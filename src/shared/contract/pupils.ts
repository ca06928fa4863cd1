import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate, personName, text } from './common';

/**
 * A Russian phone number as people type it (+7 912 345-67-89, 8(912)3456789, 912 345 67 89) in one form:
 * «+7 912 345-67-89»; null when it is not one.
 */
export function normalPhone(typed: string): string | null {
  if (!/^[\d\s()+-]+$/.test(typed)) return null;
  const digits = typed.replace(/\D/g, '');
  const ten =
    digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))
      ? digits.slice(1)
      : digits.length === 10
        ? digits
        : null;
  if (ten === null || (typed.trim().startsWith('+') && !typed.trim().startsWith('+7'))) return null;
  return `+7 ${ten.slice(0, 3)} ${ten.slice(3, 6)}-${ten.slice(6, 8)}-${ten.slice(8)}`;
}

export const phone = z
  .string()
  .trim()
  .max(30, 'Телефон: не длиннее 30 символов')
  .transform((s, ctx) => {
    const n = normalPhone(s);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: `Телефон «${s}»: нужны 10 цифр после +7, например +7 912 345-67-89` });
      return z.NEVER;
    }
    return n;
  });

const optional = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));

export const parentInput = z.object({
  fullName: text(200, { min: 1, tooShort: 'Укажите ФИО родителя (законного представителя)' }),
  relation: text(40, { min: 1, tooShort: 'Укажите, кем он приходится ученику' }),
  phones: z.array(phone).max(3, 'Не больше трёх телефонов'),
});

export const pupilCardInput = z.object({
  studentId: entityId,
  lastName: personName,
  firstName: personName,
  middleName: optional(100),
  birthDate: isoDate.nullable(),
  gender: z.enum(['m', 'f']).nullable(),
  personalFileNo: optional(30),
  address: optional(300),
  parents: z.array(parentInput).max(4, 'Не больше четырёх родителей (законных представителей)'),
});
export type PupilCardInput = z.input<typeof pupilCardInput>;

export const pupilParent = z.object({ fullName: z.string(), relation: z.string(), phones: z.array(z.string()) });
export type PupilParent = z.infer<typeof pupilParent>;

export const pupilCard = z.object({
  studentId: entityId,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  birthDate: isoDate.nullable(),
  gender: z.enum(['m', 'f']).nullable(),
  personalFileNo: z.string().nullable(),
  address: z.string().nullable(),
  parents: z.array(pupilParent),
  /** Left the class (its last day), for a pupil no longer on the roll. */
  left: isoDate.nullable(),
});
export type PupilCard = z.infer<typeof pupilCard>;

/** Pupils' cards: personal data for their class teacher, the secretary, the admin (and the deputy, to read). */
export const pupilsContract = {
  /** The classes of the current year whose cards the caller may open. */
  classes: defineChannel({
    channel: 'pupils:classes',
    access: 'pupils.read',
    input: z.object({}),
    output: z.array(z.object({ id: entityId, name: z.string(), pupils: z.number().int() })),
  }),
  /** Every pupil of the class this year (those who left last), with the card. */
  list: defineChannel({
    channel: 'pupils:list',
    access: 'pupils.read',
    input: z.object({ classId: entityId }),
    output: z.object({ classId: entityId, className: z.string(), mayEdit: z.boolean(), pupils: z.array(pupilCard) }),
  }),
  save: defineChannel({
    channel: 'pupils:save',
    access: 'pupils.edit',
    input: pupilCardInput,
    output: pupilCard,
  }),
};
