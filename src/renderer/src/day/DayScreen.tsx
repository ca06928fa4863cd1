import { useEffect, useRef, useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMyDay } from '../api/queries';
import { ErrorPanel } from '../errors/ErrorPanel';
import { dayAndMonthName, ruDate, todayIso } from '../../../shared/dates';
import { journalHref } from '../journal/links';
import { Loading } from '../errors/QueryGate';
import { DateField } from '../dates/DateField';
import { MyRemarks } from '../inspection/MyRemarks';

const missingNames = { topic: 'тема', attendance: 'посещаемость', homework: 'домашнее задание' } as const;

/** «Мой день»: today's lessons from the timetable with what each still lacks, and the tests whose marks are overdue. */
export function DayScreen() {
  const [date, setDate] = useState(todayIso());
  const day = useMyDay(date);
  const firstToFill = day.data?.lessons.findIndex((l) => l.missing.length > 0) ?? -1;
  const firstRef = useRef<HTMLAnchorElement>(null);
  // React's autoFocus does not focus links: done here once the day is loaded.
  useEffect(() => firstRef.current?.focus(), [day.data]);

  return (
    <Stack gap="lg" maw={1000}>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Мой день · {dayAndMonthName(date)}</Title>
        <DateField label="Другой день" value={date} onChange={(v) => v && setDate(v)} w={170} />
      </Group>
      {day.error && <ErrorPanel error={day.error} onRetry={() => void day.refetch()} />}
      {!day.data && !day.error && <Loading />}
      {day.data && (
        <>
          <Paper withBorder>
            {day.data.lessons.length === 0 ? (
              <Text p="md" c="dimmed">
                В этот день у вас нет уроков.
              </Text>
            ) : (
              <Table verticalSpacing="sm" highlightOnHover data-testid="day-lessons">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>Урок</Table.Th>
                    <Table.Th>Класс и предмет</Table.Th>
                    <Table.Th>Что осталось заполнить</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {day.data.lessons.map((l, i) => (
                    <Table.Tr key={l.lessonId} data-testid={`day-lesson-${l.lessonId}`}>
                      <Table.Td fw={600}>{l.lessonNumber}</Table.Td>
                      <Table.Td>
                        {/* The keyboard starts on the first lesson still to fill: Enter opens it. */}
                        <Anchor
                          href={journalHref(l)}
                          fw={500}
                          data-testid={`open-lesson-${l.lessonId}`}
                          ref={i === firstToFill ? firstRef : undefined}
                        >
                          {l.className} · {l.subjectName}
                          {l.subgroupName ? ` · ${l.subgroupName}` : ''}
                        </Anchor>
                        {l.isSubstitution && (
                          <Badge ml="xs" size="sm" color="orange" variant="light" tt="none">
                            замена
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {l.status === 'not_held' ? (
                          <Text size="sm" c="dimmed">
                            урок не проведён
                          </Text>
                        ) : l.missing.length === 0 ? (
                          <Badge color="teal" variant="light" tt="none">
                            {date > todayIso() ? 'урок ещё впереди' : 'всё заполнено'}
                          </Badge>
                        ) : (
                          <Group gap={6}>
                            {l.missing.map((m) => (
                              <Badge key={m} color="red" variant="light" tt="none">
                                {missingNames[m]}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>

          <MyRemarks />

          {day.data.periodMarksDue.length > 0 && (
            <Stack gap="xs" data-testid="period-marks-due">
              <Title order={4}>Отметки за период</Title>
              {day.data.periodMarksDue.map((g) => (
                <Text key={`${g.assignmentId}:${g.periodId}`} c={g.overdue ? 'red' : undefined}>
                  <Anchor href={journalHref(g)}>
                    {g.className} · {g.subjectName}
                    {g.subgroupName ? ` (${g.subgroupName})` : ''}
                  </Anchor>
                  : {g.periodName} — нет отметки у {g.studentsWithoutMark} уч.,{' '}
                  {g.overdue ? `срок прошёл ${ruDate(g.dueDate)}` : `выставить до ${ruDate(g.dueDate)}`}
                </Text>
              ))}
            </Stack>
          )}

          <Stack gap="xs">
            <Title order={4}>Контрольные работы без отметок</Title>
            {day.data.overdueControl.length === 0 ? (
              <Text c="dimmed" size="sm">
                Все отметки за контрольные, лабораторные и практические работы выставлены в срок.
              </Text>
            ) : (
              <Paper withBorder>
                <Table data-testid="overdue-control">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Дата</Table.Th>
                      <Table.Th>Класс и предмет</Table.Th>
                      <Table.Th>Работа</Table.Th>
                      <Table.Th>Без отметки</Table.Th>
                      <Table.Th>Срок был</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {day.data.overdueControl.map((c) => (
                      <Table.Tr key={c.lessonId}>
                        <Table.Td>{ruDate(c.date)}</Table.Td>
                        <Table.Td>
                          <Anchor href={journalHref(c)}>
                            {c.className} · {c.subjectName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{c.workKindName}</Table.Td>
                        <Table.Td>{c.studentsWithoutMark}</Table.Td>
                        <Table.Td c="red">{ruDate(c.dueDate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
