import { useState } from 'react';
import { Badge, Button, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { ErrorPanel } from '../errors/ErrorPanel';
import { addDays, dayMonth, mondayOf, ruDate, ruDateTime, todayIso } from '../../../shared/dates';
import { useAttendanceClasses, useClassWeek, useConfirmWeek } from './queries';
import { ReasonDialog, type ReasonStart } from './ReasonDialog';
import { WeekGrid } from './WeekGrid';
import { Loading } from '../errors/QueryGate';
import { useHashParam } from '../shell/useHashRoute';

/** «24.11.2026 17:05» from a stored `YYYY-MM-DD HH:mm:ss`. */

/** The class teacher's week of their class (or any class, for the administration, read-only). */
export function ClassWeekView() {
  const today = todayIso();
  const classes = useAttendanceClasses();
  const [chosenClass, setChosenClass] = useHashParam('class');
  const [weekParam, setWeekStart] = useHashParam('week');
  const weekStart = mondayOf(weekParam ?? today);
  const [note, setNote] = useState('');
  const [reasonStart, setReasonStart] = useState<ReasonStart | null>(null);
  const list = classes.data ?? [];
  const cls = list.find((c) => c.name === chosenClass) ?? list.find((c) => c.isOwn) ?? list[0];
  const week = useClassWeek(cls?.id, weekStart);
  const confirm = useConfirmWeek();

  if (classes.error) return <ErrorPanel error={classes.error} onRetry={() => void classes.refetch()} />;
  if (!classes.data) return <Loader size="sm" aria-label="Загрузка" />;
  if (!cls) return <Text c="dimmed">Вы не классный руководитель ни одного класса в этом учебном году.</Text>;

  const weekEnd = addDays(weekStart, 6);
  const lastDay = weekEnd < today ? weekEnd : today;
  const canVerify = cls.isOwn;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          {list.length > 1 ? (
            <Select
              label="Класс"
              w={120}
              searchable
              allowDeselect={false}
              data={list.map((c) => ({ value: String(c.id), label: c.name }))}
              value={String(cls.id)}
              onChange={(v) => v && setChosenClass(list.find((c) => String(c.id) === v)?.name ?? null)}
              data-testid="attendance-class"
            />
          ) : (
            <Text fw={600} size="lg">
              {cls.name} класс
            </Text>
          )}
          <Button.Group>
            <Button
              variant="default"
              onClick={() => setWeekStart(addDays(weekStart, -7))}
              aria-label="Предыдущая неделя"
            >
              ‹
            </Button>
            <Button variant="default" onClick={() => setWeekStart(mondayOf(today))}>
              Эта неделя
            </Button>
            <Button variant="default" onClick={() => setWeekStart(addDays(weekStart, 7))} aria-label="Следующая неделя">
              ›
            </Button>
          </Button.Group>
          <Text data-testid="week-dates">
            Неделя {dayMonth(weekStart)} — {ruDate(weekEnd)}
          </Text>
        </Group>
        {canVerify && (
          <Button
            variant="light"
            onClick={() => setReasonStart({ studentId: null, from: weekStart, to: lastDay })}
            data-testid="reason-open"
          >
            Причина пропусков…
          </Button>
        )}
      </Group>

      {week.error && <ErrorPanel error={week.error} onRetry={() => void week.refetch()} />}
      {week.isLoading && <Loading />}
      {week.data && (
        <>
          <WeekGrid
            week={week.data}
            onUnexcused={
              canVerify ? (studentId, date) => setReasonStart({ studentId, from: date, to: date }) : undefined
            }
          />
          <Group gap="lg" c="dimmed" fz="sm">
            <Text size="sm">
              н — без уважительной причины, б — по болезни, у — по уважительной причине, оп — опоздание.
            </Text>
            <Text size="sm">Розовым — день, все уроки которого пропущены; серым — урок другой группы.</Text>
          </Group>
          <Paper withBorder p="md">
            <Group justify="space-between" align="flex-end">
              {week.data.check ? (
                <Stack gap={2} data-testid="week-check">
                  <Group gap="xs">
                    <Badge color="teal">Неделя проверена</Badge>
                    <Text size="sm">
                      {week.data.check.checkedBy}, {ruDateTime(week.data.check.checkedAt)}
                    </Text>
                  </Group>
                  {week.data.check.note && (
                    <Text size="sm" c="dimmed">
                      {week.data.check.note}
                    </Text>
                  )}
                </Stack>
              ) : (
                <Badge color="gray" data-testid="week-check">
                  Неделя не проверена
                </Badge>
              )}
              {canVerify && weekStart <= today && (
                <Group align="flex-end">
                  <TextInput
                    w={320}
                    label="Примечание"
                    placeholder="необязательно"
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                  />
                  <Button
                    loading={confirm.isPending}
                    onClick={() =>
                      confirm.mutate(
                        { classId: cls.id, weekStart, note: note || undefined },
                        { onSuccess: () => setNote('') },
                      )
                    }
                    data-testid="week-confirm"
                  >
                    {week.data.check ? 'Подтвердить снова' : 'Подтвердить неделю'}
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>
          {reasonStart && <ReasonDialog week={week.data} start={reasonStart} onClose={() => setReasonStart(null)} />}
        </>
      )}
    </Stack>
  );
}
