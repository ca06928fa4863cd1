import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { describeError } from '../api/errors';
import { HoursCheck } from './HoursCheck';
import { fileToBase64 } from '../api/files';
import { usePreviewImport, useSavePlan } from './queries';

/** Choose a .xlsx or .csv, see every row and why a row cannot be taken, then replace the plan with it (or leave: onDone). */
export function PlanImport({ assignmentId, onDone }: { assignmentId: number; onDone(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewImport();
  const save = useSavePlan(assignmentId);
  const rows = preview.data?.rows ?? [];
  const errors = rows.filter((r) => r.error !== null).length;

  const choose = async (f: File | null) => {
    setFile(f);
    preview.reset();
    if (f) preview.mutate({ assignmentId, fileName: f.name, contentBase64: await fileToBase64(f) });
  };
  const failure = preview.error ? describeError(preview.error) : null;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Таблица Excel (.xlsx) или CSV: строка заголовков со столбцами «Тема» и «Часы» (по желанию «Раздел», «Домашнее
        задание» и «№»). Строки вида «Раздел 2. Дроби (24 ч)» без часов открывают раздел.
      </Text>
      <Group align="flex-end">
        <FileInput
          label="Файл планирования"
          placeholder="Выберите файл .xlsx или .csv"
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          w={420}
          data-testid="plan-file"
        />
        <Button variant="default" onClick={onDone}>
          Отмена
        </Button>
      </Group>
      {failure && (
        <Alert color="red" variant="light" title={failure.title} data-testid="plan-import-error">
          {failure.message}
        </Alert>
      )}
      {preview.data && (
        <>
          <Group gap="sm">
            <Badge color="gray">Тем: {rows.length - errors}</Badge>
            {errors > 0 && <Badge color="red">С ошибками: {errors}</Badge>}
          </Group>
          <HoursCheck planned={preview.data.plannedHours} curriculum={preview.data.curriculumHours} />
          <div style={{ maxHeight: 360, overflow: 'auto' }}>
            <Table striped withTableBorder data-testid="plan-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Строка</Table.Th>
                  <Table.Th>Раздел</Table.Th>
                  <Table.Th>Тема</Table.Th>
                  <Table.Th w={70}>Часов</Table.Th>
                  <Table.Th>Домашнее задание</Table.Th>
                  <Table.Th>Ошибка</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.line} bg={r.error ? 'var(--mantine-color-red-0)' : undefined}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>{r.section}</Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>{r.hours}</Table.Td>
                    <Table.Td>{r.homework}</Table.Td>
                    <Table.Td c="red.8">{r.error}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          {errors > 0 && (
            <Text c="red.8">
              Исправьте строки с ошибками в файле и выберите его снова: план сохраняется только целиком.
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              disabled={errors > 0 || rows.length === 0}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  rows.map((r) => ({ section: r.section, title: r.title, hours: r.hours ?? 0, homework: r.homework })),
                  { onSuccess: onDone },
                )
              }
              data-testid="plan-save"
            >
              Заменить план этими темами
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
