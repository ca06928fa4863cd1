import { z } from 'zod';
import { defineChannel } from './define';
import { isoDate } from './common';

/**
 * What a file can hold for each kind of import, in the order the mapping step shows the fields. «Фамилия» and
 * «Имя» are required unless the file has one «ФИО» column instead.
 */
export const importFields = {
  students: [
    { key: 'lastName', label: 'Фамилия', required: true },
    { key: 'firstName', label: 'Имя', required: true },
    { key: 'fullName', label: 'ФИО одной строкой', required: false },
    { key: 'middleName', label: 'Отчество', required: false },
    { key: 'birthDate', label: 'Дата рождения', required: true },
    { key: 'className', label: 'Класс', required: true },
    { key: 'gender', label: 'Пол', required: false },
    { key: 'personalFileNo', label: '№ личного дела', required: false },
  ],
  teachers: [
    { key: 'lastName', label: 'Фамилия', required: true },
    { key: 'firstName', label: 'Имя', required: true },
    { key: 'fullName', label: 'ФИО одной строкой', required: false },
    { key: 'middleName', label: 'Отчество', required: false },
    { key: 'login', label: 'Логин', required: false },
    { key: 'subjects', label: 'Предметы', required: false },
  ],
} as const;
export const importKinds = ['students', 'teachers'] as const;
export type ImportKind = (typeof importKinds)[number];
export type ImportField<K extends ImportKind = ImportKind> = (typeof importFields)[K][number]['key'];

const file = {
  fileName: z
    .string()
    .max(255, 'Слишком длинное имя файла')
    .regex(/\.(xlsx|csv|txt)$/i, 'Нужен файл .xlsx или .csv'),
  contentBase64: z.string().min(1, 'Файл пуст').max(14_000_000, 'Файл больше 10 МБ'),
};
/** Field key → column number (0-based) in the file, or null when the file has no such column. */
const mapping = z.record(z.string().max(50), z.number().int().min(0).nullable());
export type ImportMapping = z.infer<typeof mapping>;

/** The director's order that enrolls imported students (item 2: every enrollment is a movement by an order). */
const studentOptions = z.object({
  /** Every row into this class, whatever the file says (a file of one class without a «Класс» column). */
  className: z.string().trim().max(10).optional(),
  /** Classes named in the file but missing in the current year are created instead of refused. */
  createClasses: z.boolean().default(false),
  orderNumber: z.string().trim().min(1, 'Укажите номер приказа о зачислении').max(50),
  orderDate: isoDate,
});
export type StudentImportOptions = z.infer<typeof studentOptions>;

const request = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('students'), ...file, mapping, options: studentOptions }),
  z.object({ kind: z.literal('teachers'), ...file, mapping }),
]);
export type ImportRequest = z.infer<typeof request>;

export const importRowStatus = z.enum(['new', 'exists', 'error']);
export const importRow = z.object({
  line: z.number().int(),
  /** The row as it will be written: «Иванова Мария Петровна, 12.03.2014, 5А» or «Петров П. П. (petrov.pp)». */
  summary: z.string(),
  status: importRowStatus,
  error: z.string().nullable(),
});
export type ImportRow = z.infer<typeof importRow>;

export const importPreview = z.object({
  total: z.number().int(),
  new: z.number().int(),
  exists: z.number().int(),
  errors: z.number().int(),
  /** Classes that committing would create (only with `createClasses`). */
  newClasses: z.array(z.string()),
  /** Every row with an error, then the first rows of the rest: enough to show, small for 10,000 rows. */
  rows: z.array(importRow),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  skipped: z.number().int(),
  classesCreated: z.array(z.string()),
  /** Teachers only: subjects a «Предметы» column named that the school did not have, now in «Предметы». */
  subjectsCreated: z.array(z.string()),
  /** Teachers only: the one-time passwords, shown and printed once, stored only hashed. */
  accounts: z.array(z.object({ login: z.string(), fullName: z.string(), password: z.string() })),
});
export type ImportResult = z.infer<typeof importResult>;

/**
 * Imports of class lists and teachers from XLSX/CSV: read the columns, preview every row, write all at once.
 * The class lists' keepers reach these channels (the secretary and the admin); a teachers' list is the
 * accounts' business, so the service lets only the admin (users.manage) import one.
 */
export const importsContract = {
  /** The file's header row and a few values under each, and the columns guessed for each field. */
  inspect: defineChannel({
    channel: 'imports:inspect',
    access: 'movement.manage',
    input: z.object({ kind: z.enum(importKinds), ...file }),
    output: z.object({
      columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
      mapping,
      rows: z.number().int(),
    }),
  }),
  /** Nothing is written: what committing the file would do to each row. */
  preview: defineChannel({
    channel: 'imports:preview',
    access: 'movement.manage',
    input: request,
    output: importPreview,
  }),
  /** All valid rows in one transaction; refused while any row has an error unless `skipInvalid`. */
  commit: defineChannel({
    channel: 'imports:commit',
    access: 'movement.manage',
    input: z.intersection(request, z.object({ skipInvalid: z.boolean().default(false) })),
    output: importResult,
  }),
};
