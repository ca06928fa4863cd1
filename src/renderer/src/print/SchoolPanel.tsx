import { Alert, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { contract } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { DownloadButton } from './DownloadButton';
import { FileActions } from './FileActions';
import { usePrintJob } from './queries';

/** Every class's book and the act of handing them to the archive, with progress and cancel. */
export function SchoolPanel({
  yearId,
  duplex,
  personalData,
}: {
  yearId: number | null;
  duplex: boolean;
  personalData: boolean;
}) {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => invoke(contract.print.startSchool, { ...(yearId ? { yearId } : {}), duplex, personalData }),
    onSuccess: (r) => setJobId(r.jobId),
  });
  const cancel = useMutation({ mutationFn: (id: string) => invoke(contract.print.cancel, { jobId: id }) });
  const job = usePrintJob(jobId).data;
  const running = job?.status === 'running' || start.isPending;
  const failed = job?.books.filter((b) => b.error) ?? [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Вся школа</Title>
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running}>
            Напечатать журналы всех классов и акт передачи
          </Button>
          {job?.status === 'running' && (
            <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(job.id)}>
              Отменить
            </Button>
          )}
        </Group>
        {start.error && <Alert color="red">{describeError(start.error).message}</Alert>}
        {job && (
          <div data-testid="school-job">
            <Progress
              value={job.status === 'done' ? 100 : job.total ? (job.done / job.total) * 100 : 0}
              transitionDuration={0}
              animated={job.status === 'running'}
              aria-label="Ход печати"
            />
            <Text size="sm" mt={4} data-testid="school-status">
              {job.status === 'running' && `Печатается ${job.current ?? '…'}: готово ${job.done} из ${job.total}`}
              {job.status === 'done' &&
                `Готово: журналов ${job.books.length - failed.length} из ${job.books.length}. Папка: ${job.folder}`}
              {job.status === 'cancelled' &&
                `Отменено: напечатано журналов ${job.books.filter((b) => b.file).length}; акт не составлен.`}
              {job.status === 'failed' && `Печать прервана: ${job.error}`}
            </Text>
          </div>
        )}
        {failed.length > 0 && (
          <Alert color="red" title="Не напечатаны" data-testid="school-failed">
            {failed.map((b) => (
              <div key={b.className}>
                {b.className}: {b.error}
              </div>
            ))}
          </Alert>
        )}
        {job?.act && (
          <div data-testid="school-act">
            <FileActions file={job.act} label="Акт передачи" />
          </div>
        )}
        {job && job.books.length > 0 && job.status !== 'running' && (
          <Table verticalSpacing={2} fz="sm" data-testid="school-books">
            <Table.Tbody>
              {job.books.map((b) => (
                <Table.Tr key={b.className}>
                  <Table.Td>{b.className}</Table.Td>
                  <Table.Td>{b.sheets === null ? '—' : `${b.sheets} л.`}</Table.Td>
                  <Table.Td c={b.error ? 'red' : undefined}>
                    {b.error ?? b.file}
                    {b.draft && (
                      <Text size="xs" c="orange" data-testid="school-draft">
                        Черновик: {b.draft}
                      </Text>
                    )}
                  </Table.Td>
                  {!window.api && <Table.Td>{b.file && <DownloadButton file={b.file} />}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
