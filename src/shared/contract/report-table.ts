import { z } from 'zod';

/**
 * A report as a table: the one layout the screen, the XLSX workbook and the PDF all draw, so the three never
 * disagree. Values stay numbers where they are numbers, so a deputy can keep computing in the workbook.
 */
export const reportColumn = z.object({
  key: z.string(),
  header: z.string(),
  /** Width in characters (XLSX) and in relative units (PDF). */
  width: z.number(),
  /** `mark`: a short text centred under its header («5», «н/а», «зач»). */
  kind: z.enum(['text', 'mark', 'int', 'decimal', 'percent']),
});
export type ReportColumn = z.infer<typeof reportColumn>;

export const reportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCell>;

export const reportTable = z.object({
  title: z.string(),
  subtitle: z.string().nullable(),
  columns: z.array(reportColumn),
  rows: z.array(z.array(reportCell)),
  /** A last line set in bold (Итого). */
  total: z.array(reportCell).nullable(),
  /** Lines printed under the table: how its figures are counted. */
  notes: z.array(z.string()).optional(),
  /** Where a line leads on screen (the journal of the assignment concerned), by row index. */
  links: z
    .array(
      z
        .object({
          assignmentId: z.number().int(),
          periodId: z.number().int().nullable(),
          lessonId: z.number().int().nullable(),
        })
        .nullable(),
    )
    .nullable(),
});
export type ReportTable = z.infer<typeof reportTable>;

/** What every report channel answers: its typed rows (`data`) and their tables. */
export const reportEnvelope = <T extends z.ZodType>(data: T) =>
  z.object({ name: z.string(), title: z.string(), subtitle: z.string(), data, tables: z.array(reportTable) });
