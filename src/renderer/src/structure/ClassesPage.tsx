import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { contract, type InputOf } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { byId, CallError, EditDialog, InUse, PageHeader, RowActions, useStructureCall, WithOverview } from './common';
import { editable } from './scaffold';

type Draft = InputOf<typeof contract.structure.saveClass>;

/** Классы года: литера, смена и классный руководитель. */
export function ClassesPage({ canEdit: mayEdit }: AdminPageProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const remove = useStructureCall(contract.structure.deleteClass);
  return (
    <WithOverview>
      {(o) => {
        const canEdit = editable(mayEdit, o);
        const teachers = byId(o.teachers);
        const teacherOptions = o.teachers
          .filter((t) => t.isActive)
          .map((t) => ({ value: String(t.id), label: t.name }));
        return (
          <Stack gap="md" maw={900}>
            <PageHeader
              title={`Классы ${o.year.name}`}
              hint="Классный руководитель получает роль «Классный руководитель»: проверяет посещаемость класса и видит его отчёты."
              action={
                canEdit && (
                  <Button
                    onClick={() =>
                      setDraft({ yearId: o.year.id, grade: 1, letter: 'А', shift: 1, classTeacherId: null })
                    }
                  >
                    Добавить класс
                  </Button>
                )
              }
            />
            <CallError error={remove.error} />
            <Table striped withTableBorder data-testid="classes-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Класс</Table.Th>
                  <Table.Th w={80}>Смена</Table.Th>
                  <Table.Th>Классный руководитель</Table.Th>
                  <Table.Th w={100}>Учеников</Table.Th>
                  <Table.Th w={120} />
                  <Table.Th w={160} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.classes.map((c) => (
                  <Table.Tr key={c.id} data-testid={`class-${c.name}`}>
                    <Table.Td fw={600}>{c.name}</Table.Td>
                    <Table.Td>{c.shift}</Table.Td>
                    <Table.Td>
                      {c.classTeacherId ? (
                        teachers.get(c.classTeacherId)?.name
                      ) : (
                        <Text c="dimmed" size="sm">
                          не назначен
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.students}</Table.Td>
                    <Table.Td>
                      <InUse inUse={c.inUse} />
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        canEdit={canEdit}
                        label={c.name}
                        onEdit={() =>
                          setDraft({
                            id: c.id,
                            grade: c.grade,
                            letter: c.letter,
                            shift: c.shift,
                            classTeacherId: c.classTeacherId,
                          })
                        }
                        onDelete={() => remove.mutate({ id: c.id })}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <EditDialog
              channel={contract.structure.saveClass}
              title={draft?.id ? 'Класс' : 'Новый класс'}
              value={draft}
              onClose={() => setDraft(null)}
            >
              {(form) => (
                <>
                  <Group grow>
                    <NumberInput
                      label="Параллель"
                      min={1}
                      max={11}
                      value={form.values.grade}
                      error={form.errors.grade}
                      onChange={(v) => form.setFieldValue('grade', Number(v) || 0)}
                    />
                    <TextInput label="Литера" {...form.getInputProps('letter')} />
                  </Group>
                  <div>
                    <Text size="sm" fw={500} mb={4}>
                      Смена
                    </Text>
                    <SegmentedControl
                      value={String(form.values.shift)}
                      onChange={(v) => form.setFieldValue('shift', Number(v))}
                      data={[
                        { value: '1', label: '1 смена' },
                        { value: '2', label: '2 смена' },
                      ]}
                    />
                  </div>
                  <Select
                    label="Классный руководитель"
                    searchable
                    clearable
                    data={teacherOptions}
                    value={form.values.classTeacherId ? String(form.values.classTeacherId) : null}
                    error={form.errors.classTeacherId}
                    onChange={(v) => form.setFieldValue('classTeacherId', v ? Number(v) : null)}
                  />
                </>
              )}
            </EditDialog>
          </Stack>
        );
      }}
    </WithOverview>
  );
}
