import { z } from 'zod';
import { entityId, isoDate } from './common';
import { defineChannel } from './define';

const name = (what: string, max = 100) =>
  z.string().trim().min(1, `${what}: заполните поле`).max(max, `${what}: не длиннее ${max} знаков`);
const hours = (what: string, max: number) =>
  z.number().int(`${what}: целое число`).min(0, `${what}: не меньше 0`).max(max, `${what}: не больше ${max}`);
const optionalId = entityId.optional();
const byId = z.object({ id: entityId });
const hhmm = z
  .string()
  .max(5, 'Время в формате ЧЧ:ММ, например 17:00')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Время в формате ЧЧ:ММ, например 17:00');

export const subjectInput = z.object({
  id: optionalId,
  name: name('Название предмета'),
  shortName: name('Сокращение', 12),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const curriculumInput = z.object({
  yearId: optionalId,
  grade: z.number().int().min(1, 'Параллель: от 1 до 11').max(11, 'Параллель: от 1 до 11'),
  subjectId: entityId,
  hoursPerWeek: hours('Часов в неделю', 12).refine((h) => h > 0, 'Часов в неделю: не меньше 1'),
  hoursPerYear: hours('Часов в год', 420),
  splitIntoSubgroups: z.boolean(),
});
export const classInput = z.object({
  id: optionalId,
  yearId: optionalId,
  grade: z.number().int().min(1, 'Параллель: от 1 до 11').max(11, 'Параллель: от 1 до 11'),
  letter: z
    .string()
    .trim()
    .max(2, 'Литера класса: одна или две русские буквы, например «А»')
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[А-ЯЁ]{1,2}$/, 'Литера класса: одна или две русские буквы, например «А»')),
  shift: z.number().int().min(1).max(2),
  classTeacherId: entityId.nullable(),
});
export const assignmentInput = z.object({
  id: optionalId,
  classId: entityId,
  subgroupId: entityId.nullable(),
  subjectId: entityId,
  teacherId: entityId,
  hoursPerWeek: hours('Часов в неделю', 12).refine((h) => h > 0, 'Часов в неделю: не меньше 1'),
});
export const subgroupInput = z.object({
  id: optionalId,
  classId: entityId,
  subjectId: entityId,
  name: name('Название подгруппы', 40),
});
export const workKindInput = z.object({
  id: optionalId,
  name: name('Название вида работы'),
  shortName: name('Сокращение', 8),
  weight: z.number().min(0.1, 'Вес: от 0,1 до 10').max(10, 'Вес: от 0,1 до 10'),
  isControl: z.boolean(),
  /** Days to mark every pupil present; null: the school's limit for control works, the lesson's day for others. */
  markingDays: z
    .number()
    .int('Срок проверки — целое число дней')
    .min(1, 'Срок проверки: от 1 до 30 дней')
    .max(30, 'Срок проверки: от 1 до 30 дней')
    .nullable()
    .default(null),
  color: z
    .string()
    .max(7, 'Цвет в виде #RRGGBB')
    .regex(/^#[0-9a-fA-F]{6}$/, 'Цвет в виде #RRGGBB'),
});
export const rules = z.object({
  scale: z.enum(['1-5', '2-5']),
  useWeights: z.boolean(),
  rounding: z.enum(['half_up', 'threshold_0.6']),
  allowExempt: z.boolean(),
  allowPassFail: z.boolean(),
  controlMarksDays: z
    .number()
    .int()
    .min(1, 'Срок выставления отметок: от 1 до 30 дней')
    .max(30, 'Срок выставления отметок: от 1 до 30 дней'),
  minMarksPerPeriod: z.number().int().min(0).max(50, 'Минимум отметок за период: не больше 50'),
  entryDeadline: z.object({ shift1: hhmm, shift2: hhmm }),
});
export type SchoolRules = z.infer<typeof rules>;

const row = <T extends z.ZodRawShape>(shape: T) => z.object({ id: entityId, ...shape, inUse: z.boolean() });
export const structureOverview = z.object({
  /**
   * `readOnly`: the year is closed («Закрытие года»): its structure is shown, never changed. A year that ended but
   * is not closed yet stays editable: its assignments may still need a fix while its marks are checked.
   */
  year: z.object({ id: entityId, name: z.string(), startDate: isoDate, endDate: isoDate, readOnly: z.boolean() }),
  /** `subjectIds`: what a teachers' list said each teaches, so «Нагрузка» proposes them first (a hint only). */
  teachers: z.array(z.object({ id: entityId, name: z.string(), isActive: z.boolean(), subjectIds: z.array(entityId) })),
  subjects: z.array(row({ name: z.string(), shortName: z.string(), sortOrder: z.number().int() })),
  curriculum: z.array(
    row({
      grade: z.number().int(),
      subjectId: entityId,
      hoursPerWeek: z.number().int(),
      hoursPerYear: z.number().int(),
      splitIntoSubgroups: z.boolean(),
    }),
  ),
  classes: z.array(
    row({
      grade: z.number().int(),
      letter: z.string(),
      name: z.string(),
      shift: z.number().int(),
      classTeacherId: entityId.nullable(),
      students: z.number().int(),
    }),
  ),
  subgroups: z.array(row({ classId: entityId, subjectId: entityId, name: z.string(), members: z.number().int() })),
  assignments: z.array(
    row({
      classId: entityId,
      subgroupId: entityId.nullable(),
      subjectId: entityId,
      teacherId: entityId,
      hoursPerWeek: z.number().int(),
      lessons: z.number().int(),
    }),
  ),
  workKinds: z.array(
    row({
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      weight: z.number(),
      isControl: z.boolean(),
      markingDays: z.number().int().nullable(),
      color: z.string(),
      sortOrder: z.number().int(),
    }),
  ),
});
export type StructureOverview = z.infer<typeof structureOverview>;

export const subgroupMember = z.object({
  studentId: entityId,
  name: z.string(),
  inSubgroup: z.boolean(),
  otherSubgroup: z.string().nullable(),
  since: isoDate.nullable(),
});

const save = <I extends z.ZodType>(channel: string, input: I) =>
  defineChannel({ channel, access: 'school.manage', input, output: z.object({ id: entityId }) });
const remove = (channel: string) => defineChannel({ channel, access: 'school.manage', input: byId, output: z.null() });

/** The school's structure as the admin edits it; the deputy reads it. Deletes refuse what the journal uses. */
export const structureContract = {
  overview: defineChannel({
    channel: 'structure:overview',
    access: 'school.read',
    input: z.object({ yearId: optionalId }),
    output: structureOverview,
  }),
  saveSubject: save('structure:saveSubject', subjectInput),
  deleteSubject: remove('structure:deleteSubject'),
  saveCurriculum: save('structure:saveCurriculum', curriculumInput),
  deleteCurriculum: remove('structure:deleteCurriculum'),
  saveClass: save('structure:saveClass', classInput),
  deleteClass: remove('structure:deleteClass'),
  saveAssignment: save('structure:saveAssignment', assignmentInput),
  deleteAssignment: remove('structure:deleteAssignment'),
  saveSubgroup: save('structure:saveSubgroup', subgroupInput),
  deleteSubgroup: remove('structure:deleteSubgroup'),
  subgroupMembers: defineChannel({
    channel: 'structure:subgroupMembers',
    access: 'school.read',
    input: z.object({ subgroupId: entityId, date: isoDate }),
    output: z.array(subgroupMember),
  }),
  setSubgroupMembers: defineChannel({
    channel: 'structure:setSubgroupMembers',
    access: 'school.manage',
    input: z.object({
      subgroupId: entityId,
      date: isoDate,
      studentIds: z.array(entityId).max(60),
      orderNumber: z.string().trim().max(40).optional(),
    }),
    output: z.object({ added: z.number().int(), removed: z.number().int() }),
  }),
  saveWorkKind: save('structure:saveWorkKind', workKindInput),
  deleteWorkKind: remove('structure:deleteWorkKind'),
  rules: defineChannel({ channel: 'structure:rules', access: 'school.read', input: z.object({}), output: rules }),
  saveRules: defineChannel({ channel: 'structure:saveRules', access: 'school.manage', input: rules, output: z.null() }),
};
