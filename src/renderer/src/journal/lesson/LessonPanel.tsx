import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { Autocomplete, Badge, Button, Checkbox, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import type { JournalGrid } from '../../../../shared/contract';
import { outbox } from '../../api/outbox';
import { waitingNote } from '../grid/GridRow';
import { LessonConflictNotice } from './LessonConflictNotice';
import { useTeachers } from '../../api/queries';
import { dayAndMonthName } from '../../../../shared/dates';
import type { EnsureReason } from '../useCorrectionReason';
import { MoveLessonButton } from './MoveLessonButton';
import { suggestTopic } from './suggestTopic';
import { useFieldDraft } from './useFieldDraft';
import { useLessonUpdate } from './useLessonUpdate';

type Lesson = JournalGrid['lessons'][number];

interface Props {
  grid: JournalGrid;
  lesson: Lesson;
  today: string;
  ensureReason: EnsureReason;
  /** Focus the topic when the panel opens (the lesson was opened from «Мой день»). */
  focusTopic: boolean;
  /** Enter in the homework: on to the marks of this lesson. */
  onDone(): void;
}

/**
 * The lesson of the active column, as the right-hand page of the paper journal holds it: topic (from the
 * thematic plan or typed), kind of work, homework, who gave it, «урок не проведён». Saved as soon as a field is
 * left or Enter is pressed; there is no Save button.
 */
export function LessonPanel({ grid, lesson, today, ensureReason, focusTopic, onDone }: Props) {
  const { save, conflict, keepTheirs: keepSaved, putMine } = useLessonUpdate(grid, ensureReason);
  const waiting = useSyncExternalStore(outbox.subscribe, outbox.items).some((i) => i.place === `lesson:${lesson.id}`);
  const topicDraft = useFieldDraft(lesson.id, lesson.topic, lesson.planTopicId);
  const homeworkDraft = useFieldDraft(lesson.id, lesson.homework, null);
  const [topic, setTopic] = [topicDraft.text, topicDraft.setText];
  const homework = homeworkDraft.text;
  const topicRef = useRef<HTMLInputElement>(null);
  const homeworkRef = useRef<HTMLInputElement>(null);
  const [teachersWanted, setTeachersWanted] = useState(false);
  const teachers = useTeachers(teachersWanted);
  const readOnly = !grid.canWrite;
  const firstGrade = grid.assignment.grade === 1;
  const suggestion = lesson.topic ? null : suggestTopic(grid, lesson);

  useEffect(() => {
    if (focusTopic) topicRef.current?.focus();
  }, [focusTopic, lesson.id]);

  /** The plan's homework that comes with a topic taken from it, unless the lesson has its own (or is in 1st grade). */
  const homeworkOf = (planned: JournalGrid['planTopics'][number] | undefined) =>
    planned?.homework && !firstGrade && homework.trim() === '' && !lesson.homework ? planned.homework : null;
  const plannedOf = (value: string) =>
    suggestion?.title === value ? suggestion : grid.planTopics.find((t) => t.title === value);

  const saveTopic = async (text: string) => {
    const value = text.trim();
    if (value === (lesson.topic ?? '')) return;
    const planned = plannedOf(value);
    const proposed = homeworkOf(planned);
    if (proposed) homeworkDraft.setText(proposed);
    // Compared with what the typing began from: someone else's topic saved meanwhile is a conflict, not overwritten.
    const seen = topicDraft.seen();
    await save(
      lesson.id,
      planned
        ? { planTopicId: planned.id, topic: value, ...(proposed ? { homework: proposed } : {}) }
        : { topic: value || null, planTopicId: null },
      {
        topic: seen.value,
        planTopicId: seen.with,
        ...(proposed ? { homework: homeworkDraft.seen().value } : {}),
      },
    );
  };
  const saveHomework = async () => {
    if (homework.trim() === (lesson.homework ?? '')) return;
    await save(lesson.id, { homework: homework.trim() || null }, { homework: homeworkDraft.seen().value });
  };
  const keepTheirs = () => {
    if (conflict && 'topic' in conflict.changes) topicDraft.reset(lesson.topic, lesson.planTopicId);
    if (conflict && 'homework' in conflict.changes) homeworkDraft.reset(lesson.homework, null);
    keepSaved();
  };

  const kind = grid.workKinds.find((k) => k.id === lesson.workKindId);
  const teacherOptions = (teachers.data ?? [{ id: lesson.givenById, name: lesson.givenByName }]).map((t) => ({
    value: String(t.id),
    label: t.name,
  }));
  const past = lesson.date <= today;

  return (
    <Paper withBorder p="sm" data-testid="lesson-panel">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>
            {dayAndMonthName(lesson.date)}, {lesson.lessonNumber}-й урок
          </Text>
          {kind?.isControl && (
            <Badge color="red" variant="light" tt="none">
              {kind.name}
            </Badge>
          )}
          {lesson.isSubstitution && (
            <Badge color="orange" variant="light" tt="none">
              замена: {lesson.givenByName}
            </Badge>
          )}
          {lesson.status === 'not_held' && (
            <Badge color="gray" tt="none">
              урок не проведён
            </Badge>
          )}
          {waiting && (
            <Badge color="orange" variant="light" tt="none" data-testid="lesson-waiting">
              {waitingNote}
            </Badge>
          )}
          {lesson.attendanceTaken && (
            <Badge color="teal" variant="light" tt="none" data-testid="attendance-taken">
              посещаемость отмечена
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <Group gap="xs">
            {past && !lesson.attendanceTaken && lesson.status !== 'not_held' && (
              <Button size="compact-sm" variant="light" onClick={() => void save(lesson.id, { attendanceTaken: true })}>
                Все присутствуют
              </Button>
            )}
            <MoveLessonButton grid={grid} lesson={lesson} ensureReason={ensureReason} />
          </Group>
        )}
      </Group>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Autocomplete
          ref={topicRef}
          label="Тема урока"
          style={{ flex: 3 }}
          data={[...new Set(grid.planTopics.map((t) => t.title))]}
          limit={12}
          value={topic}
          onChange={setTopic}
          readOnly={readOnly}
          placeholder={suggestion ? `${suggestion.title} (Enter — взять из КТП)` : 'Тема по КТП или своя'}
          onOptionSubmit={(v) => void saveTopic(v)}
          onBlur={() => void saveTopic(topic)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            const chosen = topic.trim() === '' && suggestion ? suggestion.title : topic;
            // The proposed homework is in the field before it gets the focus, selected: Enter keeps it, typing replaces it.
            flushSync(() => {
              setTopic(chosen);
              void saveTopic(chosen);
            });
            homeworkRef.current?.focus();
            homeworkRef.current?.select();
          }}
          data-testid="lesson-topic"
        />
        <Select
          label="Вид работы"
          // A work kind's name («Контрольная работа») and a teacher's «Фамилия И. О.» must be read whole: the
          // topic field gives way first.
          style={{ flex: 1, minWidth: 200 }}
          data={grid.workKinds.map((k) => ({ value: String(k.id), label: k.name }))}
          value={String(lesson.workKindId)}
          onChange={(v) => v && void save(lesson.id, { workKindId: Number(v) })}
          readOnly={readOnly}
          allowDeselect={false}
          data-testid="lesson-kind"
        />
        <TextInput
          ref={homeworkRef}
          label="Домашнее задание"
          style={{ flex: 2 }}
          value={homework}
          onChange={(e) => homeworkDraft.setText(e.currentTarget.value)}
          readOnly={readOnly || firstGrade}
          placeholder={firstGrade ? 'В 1 классе не задаётся' : 'Параграф, номера упражнений'}
          onBlur={() => void saveHomework()}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void saveHomework();
            onDone();
          }}
          data-testid="lesson-homework"
        />
        <Select
          label="Провёл урок"
          style={{ flex: 1, minWidth: 200 }}
          data={teacherOptions}
          value={String(lesson.givenById)}
          searchable
          onDropdownOpen={() => setTeachersWanted(true)}
          onChange={(v) => v && void save(lesson.id, { givenById: Number(v) })}
          readOnly={readOnly}
          allowDeselect={false}
          nothingFoundMessage="Нет такого учителя"
          data-testid="lesson-teacher"
        />
      </Group>
      <Checkbox
        mt="xs"
        label="Урок не проведён"
        checked={lesson.status === 'not_held'}
        disabled={readOnly}
        onChange={(e) => void save(lesson.id, { status: e.currentTarget.checked ? 'not_held' : 'held' })}
      />
      {conflict?.lessonId === lesson.id && (
        <LessonConflictNotice conflict={conflict} grid={grid} onKeep={keepTheirs} onMine={putMine} />
      )}
    </Paper>
  );
}
