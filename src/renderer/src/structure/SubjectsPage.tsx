import { useState } from 'react';
import { Button, NumberInput, Stack, Table, TextInput } from '@mantine/core';
import { contract, type InputOf } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { CallError, EditDialog, InUse, PageHeader, RowActions, useStructureCall, WithOverview } from './common';

type Draft = InputOf<typeof contract.structure.saveSubject>;

/** Предметы: the school's list of subjects, in the order the journal and the reports show them. */
export function SubjectsPage({ canEdit }: AdminPageProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const remove = useStructureCall(contract.structure.deleteSubject);
  return (
    <WithOverview>
      {(o) => (
        <Stack gap="md" maw={900}>
          <PageHeader
            title="Предметы"
            hint="Порядок задаёт, в какой очереди предметы идут в журнале, ведомостях и отчётах."
            action={
              canEdit && (
                <Button
                  onClick={() =>
                    setDraft({ name: '', shortName: '', sortOrder: (o.subjects.at(-1)?.sortOrder ?? 0) + 10 })
                  }
                >
                  Добавить предмет
                </Button>
              )
            }
          />
          <CallError error={remove.error} />
          <Table striped withTableBorder data-testid="subjects-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Предмет</Table.Th>
                <Table.Th>Сокращение</Table.Th>
                <Table.Th w={90}>Порядок</Table.Th>
                <Table.Th w={120} />
                <Table.Th w={160} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.subjects.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.shortName}</Table.Td>
                  <Table.Td>{s.sortOrder}</Table.Td>
                  <Table.Td>
                    <InUse inUse={s.inUse} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      canEdit={canEdit}
                      label={s.name}
                      onEdit={() =>
                        setDraft({ id: s.id, name: s.name, shortName: s.shortName, sortOrder: s.sortOrder })
                      }
                      onDelete={() => remove.mutate({ id: s.id })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <EditDialog
            channel={contract.structure.saveSubject}
            title={draft?.id ? 'Предмет' : 'Новый предмет'}
            value={draft}
            onClose={() => setDraft(null)}
          >
            {(form) => (
              <>
                <TextInput label="Название" data-autofocus {...form.getInputProps('name')} />
                <TextInput label="Сокращение (для узких столбцов)" {...form.getInputProps('shortName')} />
                <NumberInput
                  label="Порядок"
                  value={form.values.sortOrder}
                  min={0}
                  error={form.errors.sortOrder}
                  onChange={(v) => form.setFieldValue('sortOrder', Number(v) || 0)}
                />
              </>
            )}
          </EditDialog>
        </Stack>
      )}
    </WithOverview>
  );
}
