import type { Ref } from 'react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { dayLesson } from '../../../shared/contract/day';
import { dayMonth, weekdayShortName } from '../../../shared/dates';
import { journalHref } from '../journal/links';

type DayLesson = z.infer<typeof dayLesson>;

const missingNames = { topic: 'тема', attendance: 'посещаемость', homework: 'домашнее задание' } as const;

/** A list of the teacher's lessons with what each still lacks; `withDate` for lessons of several days. */
export function DayLessons(props: {
  lessons: readonly DayLesson[];
  today: string;
  withDate?: boolean;
  /** The link the keyboard starts on: the first lesson still to fill. */
  firstRef?: Ref<HTMLAnchorElement>;
  testId: string;
}) {
  const firstToFill = props.lessons.findIndex((l) => l.missing.length > 0);
  return (
    <Table verticalSpacing="sm" highlightOnHover data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {props.withDate && <Table.Th w={90}>Дата</Table.Th>}
          <Table.Th w={60}>Урок</Table.Th>
          <Table.Th>Класс и предмет</Table.Th>
          <Table.Th>Что осталось заполнить</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.lessons.map((l, i) => (
          <Table.Tr key={l.lessonId} data-testid={`day-lesson-${l.lessonId}`}>
            {props.withDate && (
              <Table.Td>
                {weekdayShortName(l.date)}, {dayMonth(l.date)}
              </Table.Td>
            )}
            <Table.Td fw={600}>{l.lessonNumber}</Table.Td>
            <Table.Td>
              {/* The keyboard starts on the first lesson still to fill: Enter opens it. */}
              <Anchor
                href={journalHref(l)}
                fw={500}
                data-testid={`open-lesson-${l.lessonId}`}
                ref={i === firstToFill ? props.firstRef : undefined}
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
                  {l.date > props.today ? 'урок ещё впереди' : 'всё заполнено'}
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
  );
}
