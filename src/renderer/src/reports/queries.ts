import { useQuery } from '@tanstack/react-query';
import { contract, type Channel, type ReportName } from '../../../shared/contract';
import { invokeChannel } from '../api/invoke';
import { queryKey } from '../api/keys';
import { useChannel } from '../api/useChannel';

export interface ReportResult {
  name: string;
  title: string;
  subtitle: string;
  data: unknown;
  tables: import('../../../shared/contract').ReportTable[];
}

export const useReportClasses = (yearId: number | undefined) =>
  useChannel(contract.reports.classes, { yearId }, { enabled: yearId !== undefined });

/** One report's rows and tables; the channel is `reports:<name>`, picked at run time (hence not the typed useChannel), the input its parameters. */
export const useReport = (name: ReportName, params: Record<string, unknown> | null) => {
  const channel: Channel = contract.reports[name];
  return useQuery({
    queryKey: queryKey(channel, params),
    queryFn: () => invokeChannel(channel.channel, params) as Promise<ReportResult>,
    enabled: params !== null,
  });
};

export const useReportStudents = (classId: number | null, enabled: boolean) =>
  useChannel(contract.reports.students, { classId: classId ?? 0 }, { enabled: enabled && classId !== null });
