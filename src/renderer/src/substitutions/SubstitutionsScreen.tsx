import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type InputOf, type SubstitutionLesson } from '../../../shared/contract';
import { localDate, ruDate } from '../../../shared/dates';
import { invoke } from '../api/invoke';
import { channelKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { QueryGate } from '../errors/QueryGate';
import { DateField } from '../dates/DateField';

/**
 * «Замены»: the deputy (or the admin) records who replaces an absent teacher — on one lesson, or on every
 * lesson of a range of dates — and why. The substitute can fill those lessons at once.
 */
export function SubstitutionsScreen() {
  const client = useQueryClient();
  const today = localDate(new Date());
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [substituteId, setSubstituteId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const teachers = useChannel(contract.substitutions.teachers, {});
  const range = from && to && from <= to ? { from, to } : null;
  const lessons = useChannel(
    contract.substitutions.lessons,
    { teacherId: teacherId ?? 0, from: range?.from ?? today, to: range?.to ?? today },
    { enabled: teacherId !== null && range !== null },
  );
  const refresh = () => {
    void client.invalidateQueries({ queryKey: channelKey(contract.substitutions.lessons) });
    void client.invalidateQueries({ queryKey: channelKey(contract.substitutions.list) });
  };
  const record = useMutation({
    mutationFn: (input: InputOf<typeof contract.substitutions.record>) => invoke(contract.substitutions.record, input),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (id: number) => invoke(contract.substitutions.cancel, { id }),
    onSuccess: refresh,
  });
  const ready = substituteId !== null && reason.trim().length >= 3;
  const replace = (target: InputOf<typeof contract.substitutions.record>['target']) =>
    substituteId !== null && record.mutate({ target, substituteId, reason });

  return (
    <QueryGate query={teachers}>
      {(list) => {
        const options = list.map((t) => ({ value: String(t.id), label: t.name }));
        return (
          <Stack gap="md" maw={1100}>
            <Title order={3}>Замены</Title>
            <Text size="sm" c="dimmed">
              Выберите отсутствующего учителя и даты: ниже — его уроки. Замену можно записать на один урок или на все
              уроки за эти дни. Заменяющий учитель сразу может заполнять эти уроки, и только их; журнал класса ему виден
              до последнего урока замены.
            </Text>
            <Paper withBorder p="md">
              <Group align="flex-end" wrap="wrap">
                <Select
                  label="Отсутствующий учитель"
                  data-testid="absent-teacher"
                  w={240}
                  searchable
                  data={options}
                  value={teacherId === null ? null : String(teacherId)}
                  onChange={(v) => setTeacherId(v ? Number(v) : null)}
                />
                <DateField label="С" w={160} data-testid="from" value={from} onChange={(v) => setFrom(v)} />
                <DateField label="По" w={160} data-testid="to" value={to} onChange={(v) => setTo(v)} />
              </Group>
              <Group align="flex-end" wrap="wrap" mt="sm">
                <Select
                  label="Кто заменяет"
                  data-testid="substitute"
                  w={240}
                  searchable
                  data={options.filter((o) => o.value !== String(teacherId))}
                  value={substituteId === null ? null : String(substituteId)}
                  onChange={(v) => setSubstituteId(v ? Number(v) : null)}
                />
                <TextInput
                  label="Причина"
                  w={300}
                  data-testid="reason"
                  placeholder="больничный лист, курсы, командировка…"
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
                <Button
                  data-testid="replace-range"
                  disabled={!ready || teacherId === null || range === null}
                  loading={record.isPending}
                  onClick={() => teacherId !== null && range && replace({ kind: 'range', teacherId, ...range })}
                >
                  Заменить все уроки за эти дни
                </Button>
              </Group>
            </Paper>
            {teacherId !== null && range && (
              <QueryGate query={lessons}>
                {(rows) => (
                  <LessonsTable
                    rows={rows}
                    ready={ready}
                    busy={record.isPending || cancel.isPending}
                    onReplace={(lessonId) => replace({ kind: 'lesson', lessonId })}
                    onCancel={(id) => cancel.mutate(id)}
                  />
                )}
              </QueryGate>
            )}
            {range && <RecordedList from={range.from} to={range.to} />}
          </Stack>
        );
      }}
    </QueryGate>
  );
}

function LessonsTable(props: {
  rows: SubstitutionLesson[];
  ready: boolean;
  busy: boolean;
  onReplace(lessonId: number): void;
  onCancel(id: number): void;
}) {
  if (props.rows.length === 0)
    return (
      <Text c="dimmed" data-testid="no-lessons">
        У учителя нет уроков в эти дни.
      </Text>
    );
  return (
    <Paper withBorder>
      <Table verticalSpacing={4} data-testid="teacher-lessons">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Дата</Table.Th>
            <Table.Th>Урок</Table.Th>
            <Table.Th>Класс</Table.Th>
            <Table.Th>Предмет</Table.Th>
            <Table.Th>Замена</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((l) => (
            <Table.Tr key={l.lessonId} data-testid={`lesson-${l.lessonId}`}>
              <Table.Td>{ruDate(l.date)}</Table.Td>
              <Table.Td>{l.lessonNumber}</Table.Td>
              <Table.Td>{l.className}</Table.Td>
              <Table.Td>{l.subjectName}</Table.Td>
              <Table.Td>
                {l.notHeld
                  ? 'урок не проведён'
                  : l.substitution
                    ? `${l.substitution.substituteName} (${l.substitution.reason})`
                    : '—'}
              </Table.Td>
              <Table.Td ta="right">
                {l.substitution ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={props.busy}
                    onClick={() => props.onCancel(l.substitution!.id)}
                  >
                    Отменить
                  </Button>
                ) : (
                  !l.notHeld && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={!props.ready || props.busy}
                      onClick={() => props.onReplace(l.lessonId)}
                    >
                      Заменить этот урок
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Every substitution of those days, whoever was replaced. */
function RecordedList({ from, to }: { from: string; to: string }) {
  const list = useChannel(contract.substitutions.list, { from, to });
  return (
    <QueryGate query={list}>
      {(rows) => (
        <Stack gap={4}>
          <Title order={5}>
            Записанные замены с {ruDate(from)} по {ruDate(to)}: {rows.length}
          </Title>
          {rows.length > 0 && (
            <Paper withBorder>
              <Table verticalSpacing={4} data-testid="recorded">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Дата</Table.Th>
                    <Table.Th>Урок</Table.Th>
                    <Table.Th>Класс, предмет</Table.Th>
                    <Table.Th>Кого заменили</Table.Th>
                    <Table.Th>Кто заменил</Table.Th>
                    <Table.Th>Причина</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{ruDate(r.date)}</Table.Td>
                      <Table.Td>{r.lessonNumber}</Table.Td>
                      <Table.Td>
                        {r.className} {r.subjectName}
                      </Table.Td>
                      <Table.Td>{r.absentTeacherName}</Table.Td>
                      <Table.Td>{r.substituteName}</Table.Td>
                      <Table.Td>{r.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      )}
    </QueryGate>
  );
}
