import { useState } from 'react';
import { Button, Stack, Table, TextInput } from '@mantine/core';
import { contract, type InputOf } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { byId, CallError, EditDialog, InUse, PageHeader, RowActions } from './common';
import { MembersDialog } from './MembersDialog';
import { editable, EmptyRow, SubjectSelect, useRowEditor, WithClass } from './scaffold';

type Draft = InputOf<typeof contract.structure.saveSubgroup>;

/** Подгруппы класса по предметам и их состав по датам. */
export function SubgroupsPage({ canEdit: mayEdit }: AdminPageProps) {
  const { draft, setDraft, remove } = useRowEditor<Draft, typeof contract.structure.deleteSubgroup>(
    contract.structure.deleteSubgroup,
  );
  const [members, setMembers] = useState<{ id: number; title: string } | null>(null);
  return (
    <WithClass>
      {(o, cls, classPicker) => {
        const canEdit = editable(mayEdit, o);
        const subjects = byId(o.subjects);
        const split = o.curriculum.filter((c) => c.grade === cls.grade && c.splitIntoSubgroups).map((c) => c.subjectId);
        const rows = o.subgroups
          .filter((g) => g.classId === cls.id)
          .sort(
            (a, b) =>
              (subjects.get(a.subjectId)?.sortOrder ?? 0) - (subjects.get(b.subjectId)?.sortOrder ?? 0) ||
              a.name.localeCompare(b.name),
          );
        return (
          <Stack gap="md" maw={900}>
            <PageHeader
              title="Подгруппы"
              hint="Для предметов, которые по учебному плану делятся на группы. У каждой подгруппы свой учитель и своя страница журнала."
              action={
                canEdit && (
                  <Button
                    onClick={() =>
                      setDraft({
                        classId: cls.id,
                        subjectId: split[0] ?? o.subjects[0]?.id ?? 0,
                        name: `${rows.length % 2 === 0 ? 1 : 2} группа`,
                      })
                    }
                  >
                    Добавить подгруппу
                  </Button>
                )
              }
            />
            {classPicker}
            <CallError error={remove.error} />
            <Table striped withTableBorder data-testid="subgroups-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Предмет</Table.Th>
                  <Table.Th>Подгруппа</Table.Th>
                  <Table.Th w={110}>Учеников</Table.Th>
                  <Table.Th w={120} />
                  <Table.Th w={260} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((g) => {
                  const title = `${cls.name}, ${subjects.get(g.subjectId)?.name ?? ''}, ${g.name}`;
                  return (
                    <Table.Tr key={g.id}>
                      <Table.Td>{subjects.get(g.subjectId)?.name}</Table.Td>
                      <Table.Td>{g.name}</Table.Td>
                      <Table.Td>{g.members}</Table.Td>
                      <Table.Td>
                        <InUse inUse={g.inUse} />
                      </Table.Td>
                      <Table.Td>
                        {canEdit ? (
                          <RowActions
                            canEdit
                            label={title}
                            extra={
                              <Button size="xs" variant="light" onClick={() => setMembers({ id: g.id, title })}>
                                Состав
                              </Button>
                            }
                            onEdit={() =>
                              setDraft({ id: g.id, classId: g.classId, subjectId: g.subjectId, name: g.name })
                            }
                            onDelete={() => remove.mutate({ id: g.id })}
                          />
                        ) : (
                          <Button size="xs" variant="light" onClick={() => setMembers({ id: g.id, title })}>
                            Состав
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
                {rows.length === 0 && <EmptyRow colSpan={5}>В {cls.name} нет подгрупп.</EmptyRow>}
              </Table.Tbody>
            </Table>
            <EditDialog
              channel={contract.structure.saveSubgroup}
              title="Подгруппа"
              value={draft}
              onClose={() => setDraft(null)}
            >
              {(form) => (
                <>
                  <SubjectSelect
                    subjects={o.subjects}
                    value={form.values.subjectId}
                    error={form.errors.subjectId}
                    note={(id) => (split.includes(id) ? 'делится на группы' : null)}
                    onChange={(subjectId) => form.setFieldValue('subjectId', subjectId)}
                  />
                  <TextInput label="Название" {...form.getInputProps('name')} />
                </>
              )}
            </EditDialog>
            <MembersDialog subgroup={members} canEdit={canEdit} onClose={() => setMembers(null)} />
          </Stack>
        );
      }}
    </WithClass>
  );
}
