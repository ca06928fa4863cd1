import { useState } from 'react';
import { Button, Center, Group, Loader, Select, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { contract, type MovementClass, type MovementRegisterRow } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { ErrorPanel } from '../errors/ErrorPanel';
import { ruDate } from '../../../shared/dates';
import { saveFile } from '../reports/download';
import { ReportTableView } from '../reports/ReportTableView';
import { CorrectionDialog } from './CorrectionDialog';
import { useMovementRegister } from './queries';
import { DateField } from '../dates/DateField';

const orderLabel = (r: MovementRegisterRow) =>
  `${ruDate(r.date)} ${r.name}: ${r.fromClass ?? ''}${r.fromClass && r.toClass ? ' → ' : ''}${r.toClass ?? ''}${r.toClass ? '' : ' (выбыл)'}, № ${r.orderNumber}`;

/**
 * Книга движения учащихся of a year or some dates of it, on screen and as XLSX or PDF; in an open year the secretary
 * picks an order here to correct or cancel it.
 */
export function RegisterView({
  yearId,
  classes,
  canManage,
  onDone,
}: {
  yearId: number;
  classes: MovementClass[];
  canManage: boolean;
  onDone: (message: string) => void;
}) {
  const [dates, setDates] = useState<{ from?: string; to?: string }>({});
  const [picked, setPicked] = useState<string | null>(null);
  const [editing, setEditing] = useState<MovementRegisterRow | null>(null);
  const params = { ...dates, yearId };
  const register = useMovementRegister(params);
  const download = useMutation({
    mutationFn: async (format: 'xlsx' | 'pdf') =>
      saveFile(await invoke(contract.movement.registerFile, { params, format })),
  });
  if (register.error) return <ErrorPanel error={register.error} onRetry={() => void register.refetch()} />;
  if (!register.data)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Загрузка" />
      </Center>
    );
  // A cancelled order stays in the book but cannot be corrected again.
  const rows = register.data.rows.filter((r) => r.cancelReason === null);
  const chosen = rows.find((r) => String(r.id) === picked) ?? null;
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <DateField
          label="С"
          value={dates.from ?? register.data.from}
          onChange={(v) => setDates({ ...dates, from: v || undefined })}
        />
        <DateField
          label="По"
          value={dates.to ?? register.data.to}
          onChange={(v) => setDates({ ...dates, to: v || undefined })}
        />
        <Button
          variant="default"
          onClick={() => download.mutate('xlsx')}
          loading={download.isPending && download.variables === 'xlsx'}
        >
          XLSX
        </Button>
        <Button
          variant="default"
          onClick={() => download.mutate('pdf')}
          loading={download.isPending && download.variables === 'pdf'}
        >
          PDF
        </Button>
      </Group>
      {canManage && rows.length > 0 && (
        <Group align="flex-end">
          <Select
            label="Приказ с ошибкой"
            placeholder="Выберите приказ"
            w={520}
            data={rows.map((r) => ({ value: String(r.id), label: orderLabel(r) }))}
            value={picked}
            onChange={setPicked}
            searchable
            data-testid="correction-order"
          />
          <Button variant="light" disabled={!chosen} onClick={() => setEditing(chosen)} data-testid="correction-open">
            Исправить или отменить…
          </Button>
        </Group>
      )}
      {register.data.tables.map((t, i) => (
        <ReportTableView key={t.title} table={t} index={i} />
      ))}
      {editing && (
        <CorrectionDialog
          row={editing}
          classes={classes}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setPicked(null);
            onDone(message);
          }}
        />
      )}
    </Stack>
  );
}
