import { useMutation, useQuery } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';

export const printKeys = {
  classes: (yearId: number | null) => ['print', 'classes', yearId] as const,
  preflight: (classId: number) => ['print', 'preflight', classId] as const,
  job: (jobId: string) => ['print', 'job', jobId] as const,
};

export const usePrintClasses = (yearId: number | null) =>
  useQuery({ queryKey: printKeys.classes(yearId), queryFn: () => invoke(contract.print.classes, yearId ? { yearId } : {}) });

/** Asked for explicitly («Проверить»): it reads the class's whole year. */
export const usePreflight = (classId: number | null, enabled: boolean) =>
  useQuery({ queryKey: printKeys.preflight(classId ?? 0), queryFn: () => invoke(contract.print.preflight, { classId: classId ?? 0 }), enabled: enabled && classId !== null });

/** The whole school's job, polled twice a second while it runs. */
export const usePrintJob = (jobId: string | null) =>
  useQuery({
    queryKey: printKeys.job(jobId ?? ''),
    queryFn: () => invoke(contract.print.job, { jobId: jobId ?? '' }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });

export const useOpenFile = () => useMutation({ mutationFn: (a: { file: string; action: 'open' | 'print' }) => invoke(contract.print.open, a) });
