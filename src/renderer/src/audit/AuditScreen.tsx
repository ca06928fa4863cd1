import { ruDateTime } from '../../../shared/dates';
import { useState } from 'react';
import { Button, Center, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { auditActionLabel, auditKindNames, auditKinds, auditReasonLabel } from '../../../shared/audit';
import { auditValues } from '../../../shared/audit-values';
import { namesFrom } from '../../../shared/audit-words';
import { contract, type AuditFilterInput } from '../../../shared/contract';
import { invoke } from '../api/invoke';
import { channelKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { saveFile } from '../reports/download';
import { ChainCheck } from './ChainCheck';
import { DateField } from '../dates/DateField';

const kindOptions = auditKindNames.map((k) => ({ value: k, label: auditKinds[k].label }));
const toOptions = (list: { id: number; name: string }[] | undefined) =>
  (list ?? []).map((o) => ({ value: String(o.id), label: o.name }));
const idOf = (v: string | null) => (v ? Number(v) : undefined);

/**
 * Журнал действий: who changed what and when, newest first, filtered by user, kind, class, student, subject
 * and dates; pages are fetched as the reader asks for more, and the filtered view is exported to Excel.
 */
export function AuditScreen() {
  const [filter, setFilter] = useState<AuditFilterInput>({});
  // A new filter is a new view: the line about the last export (its count, its file) no longer describes it.
  const set = (patch: Partial<AuditFilterInput>) => {
    exported.reset();
    setFilter((f) => ({ ...f, ...patch }));
  };
  const options = useChannel(contract.audit.options, { classId: filter.classId }, { placeholderData: (prev) => prev });
  const names = namesFrom(options.data ?? {});
  // Pages fetched by cursor, which useChannel's one-answer cache does not do; the key is still the channel's.
  const pages = useInfiniteQuery({
    queryKey: channelKey(contract.audit.list, { filter }),
    queryFn: ({ pageParam }) => invoke(contract.audit.list, { filter, cursor: pageParam, limit: 50 }),
    initialPageParam: null as { at: string; id: number } | null,
    getNextPageParam: (last) => last.next,
  });
  const exported = useMutation({
    mutationFn: () =>
      invoke(contract.audit.export, { filter }).then((file) => {
        saveFile(file);
        return file;
      }),
  });

  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>Журнал действий</Title>
        <Button
          variant="default"
          onClick={() => exported.mutate()}
          loading={exported.isPending}
          data-testid="audit-export"
        >
          Выгрузить в Excel
        </Button>
      </Group>
      <ChainCheck />
      <Group align="flex-end" gap="sm" data-testid="audit-filters">
        <Select
          label="Пользователь"
          w={240}
          searchable
          clearable
          data={toOptions(options.data?.users)}
          value={filter.userId ? String(filter.userId) : null}
          onChange={(v) => set({ userId: idOf(v) })}
        />
        <Select
          label="Что"
          w={230}
          clearable
          data={kindOptions}
          value={filter.kind ?? null}
          onChange={(v) => set({ kind: (v ?? undefined) as AuditFilterInput['kind'] })}
        />
        <Select
          label="Класс"
          w={100}
          searchable
          clearable
          data={toOptions(options.data?.classes)}
          value={filter.classId ? String(filter.classId) : null}
          onChange={(v) => set({ classId: idOf(v), studentId: undefined })}
        />
        <Select
          label="Ученик"
          w={230}
          searchable
          clearable
          disabled={!filter.classId}
          data={toOptions(options.data?.students)}
          value={filter.studentId ? String(filter.studentId) : null}
          onChange={(v) => set({ studentId: idOf(v) })}
        />
        <Select
          label="Предмет"
          w={200}
          searchable
          clearable
          data={toOptions(options.data?.subjects)}
          value={filter.subjectId ? String(filter.subjectId) : null}
          onChange={(v) => set({ subjectId: idOf(v) })}
        />
        <DateField label="С" w={150} value={filter.from ?? ''} onChange={(v) => set({ from: v || undefined })} />
        <DateField label="По" w={150} value={filter.to ?? ''} onChange={(v) => set({ to: v || undefined })} />
      </Group>
      {exported.data && (
        <Text size="sm" c="dimmed" data-testid="audit-exported">
          Выгружено записей: {exported.data.rows}
          {exported.data.truncated ? ' (не все — сузьте фильтр)' : ''} — файл «{exported.data.fileName}».
        </Text>
      )}
      {pages.error ? (
        <ErrorPanel error={pages.error} onRetry={() => void pages.refetch()} />
      ) : !pages.data ? (
        <Center py="xl">
          <Loader size="sm" aria-label="Загрузка" />
        </Center>
      ) : rows.length === 0 ? (
        <Text c="dimmed">По этому фильтру записей нет.</Text>
      ) : (
        <Table striped withTableBorder fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Когда</Table.Th>
              <Table.Th>Кто</Table.Th>
              <Table.Th>Действие</Table.Th>
              <Table.Th>Класс</Table.Th>
              <Table.Th>Ученик</Table.Th>
              <Table.Th>Предмет</Table.Th>
              <Table.Th>Было → стало</Table.Th>
              <Table.Th>Причина</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const { before, after } = auditValues(r, names);
              return (
                <Table.Tr key={r.id} data-testid="audit-row" data-action={r.action}>
                  <Table.Td>{ruDateTime(r.at)}</Table.Td>
                  <Table.Td>{r.user ?? 'система'}</Table.Td>
                  <Table.Td>{auditActionLabel(r.action)}</Table.Td>
                  <Table.Td>{r.className}</Table.Td>
                  <Table.Td>{r.student}</Table.Td>
                  <Table.Td>{r.subject}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word', maxWidth: 320 }}>
                    {before === null && after === null ? '' : `${before ?? '—'} → ${after ?? '—'}`}
                  </Table.Td>
                  <Table.Td>{auditReasonLabel(r.reason)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {pages.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid="audit-more"
        >
          Показать ещё
        </Button>
      )}
    </Stack>
  );
}
