import { reportTitles, type ReportName } from '../../../shared/contract';

/** The parameters a report is chosen by on the screen. */
export type ParamKey = 'classId' | 'periodId' | 'level' | 'month' | 'from' | 'to' | 'date' | 'studentId';

export interface CatalogEntry {
  name: ReportName;
  title: string;
  params: readonly ParamKey[];
  /** Class is optional: without one, the whole school (as far as the user may see). */
  schoolWide?: boolean;
}

const params: Record<ReportName, { params: ParamKey[]; schoolWide?: boolean }> = {
  progress: { params: ['classId', 'periodId', 'level'], schoolWide: true },
  attendanceMonth: { params: ['classId', 'month'] },
  attendanceYear: { params: ['classId'] },
  summarySheet: { params: ['classId'] },
  classTeacher: { params: ['classId', 'periodId'] },
  movement: { params: [] },
  fill: { params: ['date'] },
  outcomes: { params: ['classId'], schoolWide: true },
  statement: { params: ['classId', 'studentId', 'periodId'] },
  forecast: { params: ['classId', 'periodId'], schoolWide: true },
  control: { params: ['classId', 'from', 'to'], schoolWide: true },
  substitutions: { params: ['month'] },
};

export const catalog: CatalogEntry[] = (Object.keys(params) as ReportName[]).map((name) => ({
  name,
  title: reportTitles[name],
  ...params[name],
}));
