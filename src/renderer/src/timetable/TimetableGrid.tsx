import { Paper, Table, Text, UnstyledButton } from '@mantine/core';
import type { ClassTimetable } from '../../../shared/contract';
import { weekdayShort } from '../../../shared/timetable';
import type { DraftEntry } from './draft';
import './timetable.css';

interface Props {
  view: ClassTimetable;
  draft: readonly DraftEntry[];
  weekdays: number;
  clashing: ReadonlySet<string>;
  canEdit: boolean;
  onCell: (weekday: number, lessonNumber: number) => void;
}

/** Weekdays across, lesson numbers down with their bells; a cell lists its lessons, subgroups side by side. */
export function TimetableGrid({ view, draft, weekdays, clashing, canEdit, onCell }: Props) {
  const byId = new Map(view.assignments.map((a) => [a.id, a]));
  const lastUsed = Math.max(0, ...draft.map((d) => d.lessonNumber));
  const rows = Math.max(7, view.bells.length, lastUsed);
  const days = Array.from({ length: weekdays }, (_, i) => i + 1);
  return (
    <Table.ScrollContainer minWidth={110 + weekdays * 140} type="native">
      <Table withTableBorder withColumnBorders className="tt-grid" data-testid="timetable-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Урок</Table.Th>
            {days.map((d) => (
              <Table.Th key={d}>{weekdayShort[d]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Array.from({ length: rows }, (_, i) => i + 1).map((n) => {
            const bell = view.bells.find((b) => b.number === n);
            return (
              <Table.Tr key={n}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {n}
                  </Text>
                  {bell && (
                    <Text size="xs" c="dimmed">
                      {bell.startTime}–{bell.endTime}
                    </Text>
                  )}
                </Table.Td>
                {days.map((d) => {
                  const here = draft.filter((e) => e.weekday === d && e.lessonNumber === n);
                  return (
                    <Table.Td key={d} p={4} className="tt-cell">
                      <UnstyledButton
                        className="tt-cell-button"
                        disabled={!canEdit}
                        onClick={() => onCell(d, n)}
                        data-testid={`cell-${d}-${n}`}
                        aria-label={`${weekdayShort[d]}, ${n}-й урок`}
                      >
                        <div className="tt-entries">
                          {here.map((e) => {
                            const a = byId.get(e.assignmentId);
                            return (
                              <Paper
                                key={e.key}
                                className={clashing.has(e.key) ? 'tt-entry tt-clash' : 'tt-entry'}
                                withBorder
                                p={4}
                                radius="sm"
                              >
                                <Text size="xs" fw={600} lh={1.2}>
                                  {a?.subjectName ?? '—'}
                                </Text>
                                {a?.subgroupName && (
                                  <Text size="xs" c="indigo.7" lh={1.2}>
                                    {a.subgroupName}
                                  </Text>
                                )}
                                <Text size="xs" c="dimmed" lh={1.2}>
                                  {a?.teacherName}
                                  {e.room ? ` · каб. ${e.room}` : ''}
                                </Text>
                              </Paper>
                            );
                          })}
                          {here.length === 0 && canEdit && <span className="tt-add">+</span>}
                        </div>
                      </UnstyledButton>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
