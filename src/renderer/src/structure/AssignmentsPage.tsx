import { Badge, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { contract, type InputOf } from '../../../shared/contract';
import type { AdminPageProps } from '../admin/page-props';
import { byId, CallError, EditDialog, InUse, PageHeader, RowActions } from './common';
import { editable, SubjectSelect, useRowEditor, WithClass } from './scaffold';
import { proposedTeacher, teacherOptions } from './teacherHint';

type Draft = InputOf<typeof contract.structure.saveAssignment>;

/** Нагрузка: who teaches which subject to the class or to one of its subgroups, and how many hours a week. */
export function AssignmentsPage({ canEdit: mayEdit }: AdminPageProps) {
  const { draft, setDraft, remove } = useRowEditor<Draft, typeof contract.structure.deleteAssignment>(
    contract.structure.deleteAssignment,
  );
  return (
    <WithClass>
      {(o, cls, classPicker) => {
        const canEdit = editable(mayEdit, o);
        const subjects = byId(o.subjects);
        const teachers = byId(o.teachers);
        const groups = byId(o.subgroups);
        const plan = new Map(o.curriculum.filter((c) => c.grade === cls.grade).map((c) => [c.subjectId, c]));
        const rows = o.assignments
          .filter((a) => a.classId === cls.id)
          .sort(
            (a, b) =>
              (subjects.get(a.subjectId)?.sortOrder ?? 0) - (subjects.get(b.subjectId)?.sortOrder ?? 0) ||
              (groups.get(a.subgroupId ?? 0)?.name ?? '').localeCompare(groups.get(b.subgroupId ?? 0)?.name ?? ''),
          );
        const missing = [...plan.values()].filter((p) => !rows.some((r) => r.subjectId === p.subjectId));
        return (
          <Stack gap="md" maw={1100}>
            <PageHeader
              title="Нагрузка"
              hint="Учитель × класс (или подгруппа) × предмет. Журнал открывается учителю по его нагрузке."
              action={
                canEdit && (
                  <Button
                    onClick={() => {
                      const subjectId = missing[0]?.subjectId ?? o.subjects[0]?.id ?? 0;
                      setDraft({
                        classId: cls.id,
                        subgroupId: null,
                        subjectId,
                        teacherId: proposedTeacher(o.teachers, subjectId, undefined),
                        hoursPerWeek: missing[0]?.hoursPerWeek ?? 1,
                      });
                    }}
                  >
                    Добавить нагрузку
                  </Button>
                )
              }
            />
            {classPicker}
            <CallError error={remove.error} />
            {missing.length > 0 && (
              <Text size="sm" c="orange.8" data-testid="assignments-missing">
                По учебному плану {cls.grade}-х классов нет учителя:{' '}
                {missing.map((m) => subjects.get(m.subjectId)?.name).join(', ')}
              </Text>
            )}
            <Table striped withTableBorder data-testid="assignments-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Предмет</Table.Th>
                  <Table.Th>Группа</Table.Th>
                  <Table.Th>Учитель</Table.Th>
                  <Table.Th w={150}>Часов в неделю</Table.Th>
                  <Table.Th w={90}>Уроков</Table.Th>
                  <Table.Th w={120} />
                  <Table.Th w={160} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => {
                  const subject = subjects.get(a.subjectId)?.name ?? '—';
                  const planned = plan.get(a.subjectId)?.hoursPerWeek;
                  return (
                    <Table.Tr key={a.id} data-testid={`assignment-${a.id}`}>
                      <Table.Td>{subject}</Table.Td>
                      <Table.Td>{a.subgroupId ? groups.get(a.subgroupId)?.name : 'весь класс'}</Table.Td>
                      <Table.Td>{teachers.get(a.teacherId)?.name}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {a.hoursPerWeek}
                          {planned !== undefined && planned !== a.hoursPerWeek && (
                            <Badge size="xs" color="orange" variant="light" tt="none" title="По учебному плану">
                              план {planned}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{a.lessons}</Table.Td>
                      <Table.Td>
                        <InUse inUse={a.inUse} />
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          canEdit={canEdit}
                          label={`${subject}, ${cls.name}`}
                          onEdit={() =>
                            setDraft({
                              id: a.id,
                              classId: a.classId,
                              subgroupId: a.subgroupId,
                              subjectId: a.subjectId,
                              teacherId: a.teacherId,
                              hoursPerWeek: a.hoursPerWeek,
                            })
                          }
                          onDelete={() => remove.mutate({ id: a.id })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <EditDialog
              channel={contract.structure.saveAssignment}
              title={`Нагрузка, ${o.classes.find((c) => c.id === draft?.classId)?.name ?? ''}`}
              value={draft}
              onClose={() => setDraft(null)}
            >
              {(form) => {
                const row = form.values;
                const subgroupOptions = o.subgroups.filter(
                  (g) => g.classId === row.classId && g.subjectId === row.subjectId,
                );
                return (
                  <>
                    <SubjectSelect
                      subjects={o.subjects}
                      value={row.subjectId}
                      error={form.errors.subjectId}
                      onChange={(subjectId) =>
                        form.setValues({
                          subjectId,
                          subgroupId: null,
                          teacherId: proposedTeacher(o.teachers, subjectId, row.teacherId),
                          hoursPerWeek: plan.get(subjectId)?.hoursPerWeek ?? row.hoursPerWeek,
                        })
                      }
                      testId="assignment-subject"
                    />
                    <Select
                      label="Группа"
                      data={[
                        { value: '', label: 'весь класс' },
                        ...subgroupOptions.map((g) => ({ value: String(g.id), label: g.name })),
                      ]}
                      value={row.subgroupId ? String(row.subgroupId) : ''}
                      error={form.errors.subgroupId}
                      onChange={(v) => form.setFieldValue('subgroupId', v ? Number(v) : null)}
                      allowDeselect={false}
                    />
                    <Select
                      label="Учитель"
                      searchable
                      data={teacherOptions(o.teachers, row.subjectId)}
                      value={String(row.teacherId)}
                      error={form.errors.teacherId}
                      onChange={(v) => v && form.setFieldValue('teacherId', Number(v))}
                      data-testid="assignment-teacher"
                    />
                    <NumberInput
                      label="Часов в неделю"
                      min={1}
                      max={12}
                      value={row.hoursPerWeek}
                      error={form.errors.hoursPerWeek}
                      onChange={(v) => form.setFieldValue('hoursPerWeek', Number(v) || 0)}
                    />
                  </>
                );
              }}
            </EditDialog>
          </Stack>
        );
      }}
    </WithClass>
  );
}
