import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { useChannel } from '../api/useChannel';
import { saveFile } from '../reports/download';

export const usePrintClasses = (yearId: number | null) => useChannel(contract.print.classes, yearId ? { yearId } : {});

/** Asked for explicitly («Проверить»): it reads the class's whole year. */
export const usePreflight = (classId: number | null, enabled: boolean) =>
  useChannel(contract.print.preflight, { classId: classId ?? 0 }, { enabled: enabled && classId !== null });

/** The whole school's job, polled twice a second while it runs. */
export const usePrintJob = (jobId: string | null) =>
  useChannel(
    contract.print.job,
    { jobId: jobId ?? '' },
    {
      enabled: jobId !== null,
      refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
    },
  );

export const useOpenFile = () =>
  useMutation({ mutationFn: (a: { file: string; action: 'open' | 'print' }) => invoke(contract.print.open, a) });

/** A printed file's bytes from the server, saved by the browser. */
export const useDownload = () =>
  useMutation({ mutationFn: async (file: string) => saveFile(await invoke(contract.print.download, { file })) });
