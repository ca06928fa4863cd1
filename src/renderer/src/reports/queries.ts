import { useQuery } from '@tanstack/react-query';
import { contract, type ReportName } from '../../../shared/contract';
import { invoke, invokeChannel } from '../api/invoke';

export interface ReportResult {
  name: string;
  title: string;
  subtitle: string;
  data: unknown;
  tables: import('../../../shared/contract').ReportTable[];
}

export const useYears = () => useQuery({ queryKey: ['school', 'years'], queryFn: () => invoke(contract.school.years, {}), staleTime: 5 * 60_000 });

export const useYearPeriods = (yearId: number | undefined) =>
  useQuery({ queryKey: ['school', 'periods', yearId ?? 0, 'all'], queryFn: () => invoke(contract.school.periods, { yearId: yearId ?? 0 }), enabled: yearId !== undefined, staleTime: 5 * 60_000 });

export const useReportClasses = (yearId: number | undefined) =>
  useQuery({ queryKey: ['reports', 'classes', yearId ?? 0], queryFn: () => invoke(contract.reports.classes, { yearId }), enabled: yearId !== undefined });

/** One report's rows and tables; the channel is `reports:<name>`, the input its parameters. */
export const useReport = (name: ReportName, params: Record<string, unknown> | null) =>
  useQuery({
    queryKey: ['reports', name, params],
    queryFn: () => invokeChannel(`reports:${name}`, params) as Promise<ReportResult>,
    enabled: params !== null,
  });

export const useReportStudents = (classId: number | null, enabled: boolean) =>
  useQuery({ queryKey: ['reports', 'students', classId ?? 0], queryFn: () => invoke(contract.reports.students, { classId: classId ?? 0 }), enabled: enabled && classId !== null });
