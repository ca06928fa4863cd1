import { useState } from 'react';
import { Badge, Button, Checkbox, Group, NumberInput, SegmentedControl, Stack, Table } from '@mantine/core';
import { contract, type InputOf } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { byId, CallError, EditDialog, PageHeader, RowActions, WithOverview } from './common';
import { editable, EmptyRow, SubjectSelect, useRowEditor } from './scaffold';

type Draft = InputOf<typeof contract.structure.saveCurriculum>;
const grades = Array.from({ length: 11 }, (_, i) => String(i + 1));
/** 34 school weeks a year; 33 in the first grade. */
const weeks = (grade: number) => (grade === 1 ? 33 : 34);

/** Учебный план: per grade, the weekly and yearly hours of each subject and whether the class is split for it. */
export function CurriculumPage({ canEdit: mayEdit }: AdminPageProps) {
  const [grade, setGrade] = useState(5);
  const { draft, setDraft, remove } = useRowEditor<Draft, typeof contract.structure.deleteCurriculum>(
    contract.structure.deleteCurriculum,
  );
  return (
    <WithOverview>
      {(o) => {
        const canEdit = editable(mayEdit, o);
        const subjects = byId(o.subjects);
        const rows = o.curriculum
          .filter((c) => c.grade === grade)
          .sort((a, b) => (subjects.get(a.subjectId)?.sortOrder ?? 0) - (subjects.get(b.subjectId)?.sortOrder ?? 0));
        const free = o.subjects.filter((s) => !rows.some((r) => r.subjectId === s.id));
        return (
          <Stack gap="md" maw={900}>
            <PageHeader
              title={`Учебный план ${o.year.name}`}
              hint="Часы в неделю и в год по каждому предмету параллели; «делится на группы» — предмет ведётся по подгруппам."
              action={
                canEdit &&
                free.length > 0 && (
                  <Button
                    onClick={() =>
                      setDraft({
                        yearId: o.year.id,
                        grade,
                        subjectId: free[0]!.id,
                        hoursPerWeek: 1,
                        hoursPerYear: weeks(grade),
                        splitIntoSubgroups: false,
                      })
                    }
                  >
                    Добавить предмет в план
                  </Button>
                )
              }
            />
            <SegmentedControl
              value={String(grade)}
              onChange={(v) => setGrade(Number(v))}
              data={grades.map((g) => ({ value: g, label: `${g} кл.` }))}
              data-testid="curriculum-grade"
            />
            <CallError error={remove.error} />
            <Table striped withTableBorder data-testid="curriculum-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Предмет</Table.Th>
                  <Table.Th w={150}>Часов в неделю</Table.Th>
                  <Table.Th w={130}>Часов в год</Table.Th>
                  <Table.Th w={190} />
                  <Table.Th w={160} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const name = subjects.get(r.subjectId)?.name ?? '—';
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{r.hoursPerWeek}</Table.Td>
                      <Table.Td>{r.hoursPerYear}</Table.Td>
                      <Table.Td>
                        {r.splitIntoSubgroups && (
                          <Badge variant="light" tt="none">
                            делится на группы
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          canEdit={canEdit}
                          label={name}
                          onEdit={() =>
                            setDraft({
                              yearId: o.year.id,
                              grade: r.grade,
                              subjectId: r.subjectId,
                              hoursPerWeek: r.hoursPerWeek,
                              hoursPerYear: r.hoursPerYear,
                              splitIntoSubgroups: r.splitIntoSubgroups,
                            })
                          }
                          onDelete={() => remove.mutate({ id: r.id })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
                {rows.length === 0 && <EmptyRow colSpan={5}>Для {grade}-х классов учебный план не задан.</EmptyRow>}
              </Table.Tbody>
              {rows.length > 0 && (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>Итого</Table.Th>
                    <Table.Th>{rows.reduce((s, r) => s + r.hoursPerWeek, 0)}</Table.Th>
                    <Table.Th>{rows.reduce((s, r) => s + r.hoursPerYear, 0)}</Table.Th>
                    <Table.Th colSpan={2} />
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
            <EditDialog
              channel={contract.structure.saveCurriculum}
              title={`Учебный план, ${draft?.grade ?? grade} класс`}
              value={draft}
              onClose={() => setDraft(null)}
            >
              {(form) => (
                <>
                  <SubjectSelect
                    subjects={o.subjects}
                    value={form.values.subjectId}
                    error={form.errors.subjectId}
                    onChange={(subjectId) => form.setFieldValue('subjectId', subjectId)}
                  />
                  <Group grow>
                    <NumberInput
                      label="Часов в неделю"
                      min={1}
                      max={12}
                      value={form.values.hoursPerWeek}
                      error={form.errors.hoursPerWeek}
                      onChange={(v) =>
                        form.setValues({
                          hoursPerWeek: Number(v) || 0,
                          hoursPerYear: (Number(v) || 0) * weeks(form.values.grade),
                        })
                      }
                    />
                    <NumberInput
                      label="Часов в год"
                      min={0}
                      max={420}
                      value={form.values.hoursPerYear}
                      error={form.errors.hoursPerYear}
                      onChange={(v) => form.setFieldValue('hoursPerYear', Number(v) || 0)}
                    />
                  </Group>
                  <Checkbox
                    label="Делится на группы"
                    {...form.getInputProps('splitIntoSubgroups', { type: 'checkbox' })}
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
