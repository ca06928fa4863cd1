import { useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { QueryGate } from '../errors/QueryGate';
import { saveFile } from '../reports/download';
import { ReportTableView } from '../reports/ReportTableView';
import { useMovementRegister } from './queries';

/** Книга движения учащихся of the year or some dates of it, on screen and as XLSX or PDF. */
export function RegisterView() {
  const [dates, setDates] = useState<{ from?: string; to?: string }>({});
  const register = useMovementRegister(dates);
  const download = useMutation({ mutationFn: async (format: 'xlsx' | 'pdf') => saveFile(await invoke(contract.movement.registerFile, { params: dates, format })) });
  return (
    <QueryGate query={register}>
      {(data) => (
        <Stack gap="md">
          <Group align="flex-end">
            <TextInput label="С" type="date" value={dates.from ?? data.from} onChange={(e) => setDates({ ...dates, from: e.currentTarget.value || undefined })} />
            <TextInput label="По" type="date" value={dates.to ?? data.to} onChange={(e) => setDates({ ...dates, to: e.currentTarget.value || undefined })} />
            <Button variant="default" onClick={() => download.mutate('xlsx')} loading={download.isPending && download.variables === 'xlsx'}>
              XLSX
            </Button>
            <Button variant="default" onClick={() => download.mutate('pdf')} loading={download.isPending && download.variables === 'pdf'}>
              PDF
            </Button>
          </Group>
          {data.tables.map((t, i) => (
            <ReportTableView key={t.title} table={t} index={i} />
          ))}
        </Stack>
      )}
    </QueryGate>
  );
}
