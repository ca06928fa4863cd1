import { z } from 'zod';
import { defineChannel } from './define';
import { entityId, isoDate } from './common';
import {
  attendanceMonthData,
  attendanceYearData,
  classTeacherData,
  controlData,
  fillData,
  forecastData,
  movementData,
  outcomesData,
  statementData,
  progressData,
  progressLevel,
  summarySheetData,
  substitutionsData,
} from './report-data';
import { reportEnvelope } from './report-table';

export * from './report-data';
export * from './report-table';

export const monthKey = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Месяц в формате ГГГГ-ММ');
const classInput = z.object({ classId: entityId });

export const reportInputs = {
  progress: z.object({
    yearId: entityId.optional(),
    /** Null: the year's marks. */
    periodId: entityId.nullable(),
    level: progressLevel.default('class'),
    classId: entityId.optional(),
  }),
  attendanceMonth: z.object({ classId: entityId, month: monthKey }),
  attendanceYear: classInput,
  summarySheet: classInput,
  classTeacher: z.object({ classId: entityId, periodId: entityId.nullable() }),
  movement: z.object({ yearId: entityId.optional() }),
  fill: z.object({ date: isoDate }),
  outcomes: z.object({ yearId: entityId.optional(), classId: entityId.optional() }),
  statement: z.object({ classId: entityId, studentId: entityId, periodId: entityId }),
  forecast: z.object({ periodId: entityId, classId: entityId.optional(), asOf: isoDate.optional() }),
  control: z
    .object({ from: isoDate, to: isoDate, classId: entityId.optional() })
    .refine((v) => v.from <= v.to, { message: 'Начало периода позже его конца', path: ['from'] }),
  substitutions: z.object({ month: monthKey }),
};
export type ReportName = keyof typeof reportInputs;
export const reportNames = Object.keys(reportInputs) as ReportName[];

/** Russian titles of the reports, in the order of the Reports screen. */
export const reportTitles: Record<ReportName, string> = {
  progress: 'Итоги успеваемости',
  attendanceMonth: 'Посещаемость класса за месяц',
  attendanceYear: 'Сводная ведомость учёта посещаемости',
  summarySheet: 'Сводная ведомость учёта успеваемости',
  classTeacher: 'Отчёт классного руководителя за период',
  movement: 'Движение учащихся',
  fill: 'Наполняемость классов',
  outcomes: 'Итоговые данные по учащимся',
  statement: 'Выписка оценок для родителей',
  forecast: 'Предварительный отчёт (прогноз)',
  control: 'Контроль ведения журнала',
  substitutions: 'Замены уроков',
};

/** The typed rows of each report. */
export const reportData = {
  progress: progressData,
  attendanceMonth: attendanceMonthData,
  attendanceYear: attendanceYearData,
  summarySheet: summarySheetData,
  classTeacher: classTeacherData,
  movement: movementData,
  fill: fillData,
  outcomes: outcomesData,
  statement: statementData,
  forecast: forecastData,
  control: controlData,
  substitutions: substitutionsData,
} satisfies Record<ReportName, z.ZodType>;
export type ReportDataOf<N extends ReportName> = z.output<(typeof reportData)[N]>;

export const reportClass = z.object({ id: entityId, name: z.string(), grade: z.number().int(), yearId: entityId });
/** JSON is the report as its channel returns it, as a file: what the command line writes with --format json. */
export const reportFormat = z.enum(['xlsx', 'pdf', 'json']);
export type ReportFormat = z.infer<typeof reportFormat>;

/** A report's file: its parameters are held to that report's own schema, by the dispatcher like any input. */
const fileRequest = <N extends ReportName>(report: N) =>
  z.object({ report: z.literal(report), params: reportInputs[report], format: reportFormat });
type FileRequest = { [N in ReportName]: ReturnType<typeof fileRequest<N>> }[ReportName];
const fileRequests = reportNames.map(fileRequest) as [FileRequest, ...FileRequest[]];
export type ReportFileRequest = z.output<FileRequest>;

/** The reports of docs/DOMAIN.md: each one channel of typed rows, and one channel that renders any of them to a file. */
export const reportsContract = {
  classes: defineChannel({
    channel: 'reports:classes',
    access: 'reports.read',
    input: z.object({ yearId: entityId.optional() }),
    output: z.array(reportClass),
  }),
  progress: defineChannel({
    channel: 'reports:progress',
    access: 'reports.read',
    input: reportInputs.progress,
    output: reportEnvelope(progressData),
  }),
  attendanceMonth: defineChannel({
    channel: 'reports:attendanceMonth',
    access: 'reports.read',
    input: reportInputs.attendanceMonth,
    output: reportEnvelope(attendanceMonthData),
  }),
  attendanceYear: defineChannel({
    channel: 'reports:attendanceYear',
    access: 'reports.read',
    input: reportInputs.attendanceYear,
    output: reportEnvelope(attendanceYearData),
  }),
  summarySheet: defineChannel({
    channel: 'reports:summarySheet',
    access: 'reports.read',
    input: reportInputs.summarySheet,
    output: reportEnvelope(summarySheetData),
  }),
  students: defineChannel({
    channel: 'reports:students',
    access: 'reports.read',
    input: classInput,
    output: z.array(z.object({ id: entityId, name: z.string() })),
  }),
  classTeacher: defineChannel({
    channel: 'reports:classTeacher',
    access: 'reports.read',
    input: reportInputs.classTeacher,
    output: reportEnvelope(classTeacherData),
  }),
  movement: defineChannel({
    channel: 'reports:movement',
    access: 'reports.read',
    input: reportInputs.movement,
    output: reportEnvelope(movementData),
  }),
  fill: defineChannel({
    channel: 'reports:fill',
    access: 'reports.read',
    input: reportInputs.fill,
    output: reportEnvelope(fillData),
  }),
  outcomes: defineChannel({
    channel: 'reports:outcomes',
    access: 'reports.read',
    input: reportInputs.outcomes,
    output: reportEnvelope(outcomesData),
  }),
  statement: defineChannel({
    channel: 'reports:statement',
    access: 'reports.read',
    input: reportInputs.statement,
    output: reportEnvelope(statementData),
  }),
  forecast: defineChannel({
    channel: 'reports:forecast',
    access: 'reports.read',
    input: reportInputs.forecast,
    output: reportEnvelope(forecastData),
  }),
  control: defineChannel({
    channel: 'reports:control',
    access: 'reports.read',
    input: reportInputs.control,
    output: reportEnvelope(controlData),
  }),
  substitutions: defineChannel({
    channel: 'reports:substitutions',
    access: 'reports.read',
    input: reportInputs.substitutions,
    output: reportEnvelope(substitutionsData),
  }),
  file: defineChannel({
    channel: 'reports:file',
    access: 'reports.read',
    input: z.discriminatedUnion('report', fileRequests),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  }),
};
