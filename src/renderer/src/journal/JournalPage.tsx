import { useCallback, useRef, useState } from 'react';
import { Alert, Group, Stack, Tabs, Text } from '@mantine/core';
import type { JournalGrid } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { useErrorReporter } from '../errors/ErrorStack';
import { CellHistoryButton } from './CellHistoryButton';
import { FinalsTable } from './finals/FinalsTable';
import { JournalGridView, type GridHandle } from './grid/JournalGridView';
import { useCellWriter } from './grid/useCellWriter';
import { LessonPanel } from './lesson/LessonPanel';
import { LessonsList } from './LessonsList';
import { useCorrectionReason } from './useCorrectionReason';
import { dayAndMonthName } from '../../../shared/dates';
import { journalTabs, type JournalTab } from './route';

interface Props {
  grid: JournalGrid;
  today: string;
  /** The lesson a link opened (from «Мой день»): its column is active and its topic focused. */
  openedLessonId: number | null;
  /** The tab shown, kept in the address. */
  tab: JournalTab;
  onTab(tab: JournalTab): void;
}

/** One journal's page for a period: the lesson of the active column above the grid, the lessons' list, the final marks. */
export function JournalPage({ grid, today, openedLessonId, tab, onTab }: Props) {
  const { ensure, modal } = useCorrectionReason(grid);
  const writer = useCellWriter(grid, ensure);
  const reportError = useErrorReporter();
  const report = useCallback((message: string) => reportError(new AppError('validation', message)), [reportError]);
  const gridRef = useRef<GridHandle>(null);
  const [activeCell, setActiveCell] = useState<{ lessonId: number | null; studentId: number | null }>({
    lessonId: openedLessonId,
    studentId: null,
  });
  const lesson = grid.lessons.find((l) => l.id === activeCell.lessonId) ?? null;
  const student = grid.students.find((s) => s.id === activeCell.studentId) ?? null;

  return (
    <Tabs
      value={tab}
      onChange={(v) => {
        const next = journalTabs.find((t) => t === v);
        if (next) onTab(next);
      }}
      keepMounted={false}
    >
      {modal}
      <Tabs.List mb="sm">
        <Tabs.Tab value="marks">Отметки и пропуски</Tabs.Tab>
        <Tabs.Tab value="lessons">Темы уроков и задания</Tabs.Tab>
        <Tabs.Tab value="finals">Итоговые</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="marks">
        <Stack gap="sm">
          {grid.lock && (
            <Alert
              color="yellow"
              variant="light"
              title={`Период «${grid.lock.periodName}» закрыт`}
              data-testid="period-locked"
            >
              Изменения сохраняются как исправления с указанием причины и видны в журнале изменений.
            </Alert>
          )}
          {!grid.canWrite && (
            <Text size="sm" c="dimmed">
              Журнал открыт для просмотра: вести его может учитель, за которым закреплена нагрузка, или заменяющий
              учитель на своих уроках.
            </Text>
          )}
          {lesson && (
            <LessonPanel
              grid={grid}
              lesson={lesson}
              today={today}
              ensureReason={ensure}
              focusTopic={lesson.id === openedLessonId}
              onDone={() => gridRef.current?.focus(lesson.id)}
            />
          )}
          <JournalGridView
            ref={gridRef}
            grid={grid}
            today={today}
            writer={writer}
            report={report}
            initialLessonId={openedLessonId}
            onActiveChange={setActiveCell}
          />
          <Group gap="xs" mih={26}>
            {lesson && student && (
              <>
                <Text size="xs" c="dimmed" data-testid="active-cell">
                  {student.fullName} · {dayAndMonthName(lesson.date)}, {lesson.lessonNumber}-й урок
                </Text>
                <CellHistoryButton lessonId={lesson.id} studentId={student.id} studentName={student.fullName} />
              </>
            )}
            <Text size="xs" c="dimmed" ml="auto">
              Клавиши: 5 4 3 2 1, 5/4, н/а, н б у оп, Enter — сохранить; Delete — очистить; Ctrl+Z — отменить;
              Ctrl+Shift+Z — вернуть; Ctrl+V — вставить столбец
            </Text>
          </Group>
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="lessons">
        <LessonsList grid={grid} today={today} />
      </Tabs.Panel>
      <Tabs.Panel value="finals">
        <FinalsTable assignmentId={grid.assignment.id} ensureReason={ensure} />
      </Tabs.Panel>
    </Tabs>
  );
}
