import { z } from 'zod';

/** `YYYY-MM-DD`, a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата должна быть в формате ГГГГ-ММ-ДД')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Такой даты нет в календаре');

export const entityId = z.number().int().positive();

export const markValue = z.enum(['1', '2', '3', '4', '5', 'н/а']);
export const absenceCode = z.enum(['н', 'б', 'у', 'оп']);
export const periodMarkValue = z.enum(['1', '2', '3', '4', '5', 'н/а', 'зач', 'незач', 'осв']);
export const demoTier = z.enum(['small', 'typical', 'large']);
export type DemoTier = z.infer<typeof demoTier>;
export type MarkValue = z.infer<typeof markValue>;
export type AbsenceCode = z.infer<typeof absenceCode>;

/** Why a change is made in a closed period; also accepted (and audited) when the period is open. */
export const correctionReason = z.string().trim().min(5, 'Причина исправления: не короче 5 символов').max(500).optional();
export type PeriodMarkValue = z.infer<typeof periodMarkValue>;

/** A login: lowercase Latin letters, digits, dots and hyphens, so it is typed the same on every keyboard layout. */
export const loginName = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,32}$/, 'Логин: от 3 до 32 латинских букв, цифр, точек, дефисов');
export const personName = z.string().trim().min(1, 'Заполните поле').max(100);
