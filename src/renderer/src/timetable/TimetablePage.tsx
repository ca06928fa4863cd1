import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type RegenerationResult } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import type { AdminPageProps } from '../admin/page-props';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { ClassSelect } from '../structure/ClassSelect';
import { CallError, PageHeader, WithOverview } from '../structure/common';
import { BellsEditor } from './BellsEditor';
import { CellDialog, type CellRef } from './CellDialog';
import { draftClashes, fromServer, sameWeek, type DraftEntry } from './draft';
import { HoursCheck } from './HoursCheck';
import { ResultDialog } from './ResultDialog';
import { TimetableGrid } from './TimetableGrid';
import { Loading } from '../errors/QueryGate';
import { DateField } from '../dates/DateField';

/** Расписание класса: the week in force on a date, edited cell by cell and saved from that date on. */
function ClassTimetableEditor({ classId, canEdit }: { classId: number; canEdit: boolean }) {
  const client = useQueryClient();
  const [date, setDate] = useState<string | undefined>(undefined);
  const view = useChannel(contract.timetable.ofClass, { classId, date });
  const [draft, setDraft] = useState<DraftEntry[]>([]);
  const [cell, setCell] = useState<CellRef | null>(null);
  const [saturday, setSaturday] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<(RegenerationResult & { from: string }) | null>(null);
  useEffect(() => {
    if (view.data) setDraft(fromServer(view.data));
  }, [view.data]);
  const clashes = useMemo(() => (view.data ? draftClashes(view.data, draft) : []), [view.data, draft]);
  const save = useMutation({
    mutationFn: (allowClashes: boolean) =>
      invoke(contract.timetable.save, {
        classId,
        from: view.data?.date ?? '',
        allowClashes,
        slots: draft.map((d) => ({
          assignmentId: d.assignmentId,
          weekday: d.weekday,
          lessonNumber: d.lessonNumber,
          room: d.room,
        })),
      }),
    onSuccess: (r) => {
      setConfirm(false);
      setResult({ ...r, from: view.data?.date ?? '' });
      void client.invalidateQueries({ queryKey: domainKey('timetable') });
      void client.invalidateQueries({ queryKey: domainKey('structure') });
    },
  });

  if (view.error) return <ErrorPanel error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Loading />;
  const v = view.data;
  const changed = !sameWeek(draft, fromServer(v));
  const classClash = clashes.some((c) => c.kind === 'class');
  const clashing = new Set(clashes.flatMap((c) => c.keys));
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <DateField
          label="Расписание на дату"
          value={v.date}
          min={v.yearStart}
          max={v.yearEnd}
          onChange={(v) => v && setDate(v)}
          data-testid="timetable-date"
        />
        {v.versions.length > 0 && (
          <Group gap={6} pb={6}>
            <Text size="sm" c="dimmed">
              Версии:
            </Text>
            {v.versions.map((from) => (
              <Button
                key={from}
                size="compact-xs"
                variant={from <= v.date && !v.versions.some((x) => x > from && x <= v.date) ? 'filled' : 'light'}
                onClick={() => setDate(from)}
              >
                с {ruDate(from)}
              </Button>
            ))}
          </Group>
        )}
        <Checkbox
          label="Суббота"
          pb={8}
          checked={saturday || draft.some((d) => d.weekday === 6)}
          onChange={(e) => setSaturday(e.currentTarget.checked)}
        />
      </Group>
      <HoursCheck view={v} draft={draft} />
      {clashes.length > 0 && (
        <Alert color="red" variant="light" title="Накладки в расписании" data-testid="timetable-clashes">
          <List size="sm">
            {clashes.map((c, i) => (
              <List.Item key={i}>{c.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <TimetableGrid
        view={v}
        draft={draft}
        weekdays={saturday || draft.some((d) => d.weekday === 6) ? 6 : 5}
        clashing={clashing}
        canEdit={canEdit}
        onCell={(weekday, lessonNumber) => setCell({ weekday, lessonNumber })}
      />
      <CallError error={save.error} />
      {canEdit && (
        <Group>
          <Button
            disabled={!changed || classClash}
            loading={save.isPending}
            onClick={() => (clashes.length > 0 ? setConfirm(true) : save.mutate(false))}
            data-testid="timetable-save"
          >
            Сохранить с {ruDate(v.date)} и обновить уроки
          </Button>
          {changed && (
            <Button variant="default" onClick={() => setDraft(fromServer(v))}>
              Отменить изменения
            </Button>
          )}
          <Text size="xs" c="dimmed" maw={520}>
            Уроки с этой даты до конца года пересоздаются по новому расписанию; уроки, в которых уже есть записи,
            остаются — программа покажет их список.
          </Text>
        </Group>
      )}
      <CellDialog
        view={v}
        cell={cell}
        draft={draft}
        onClose={() => setCell(null)}
        onDone={(entries) => {
          if (cell)
            setDraft([
              ...draft.filter((d) => d.weekday !== cell.weekday || d.lessonNumber !== cell.lessonNumber),
              ...entries,
            ]);
          setCell(null);
        }}
      />
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="Сохранить с накладками?" centered>
        <Stack gap="sm">
          <Text size="sm">{clashes.map((c) => c.message).join('; ')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Вернуться к расписанию
            </Button>
            <Button color="red" loading={save.isPending} onClick={() => save.mutate(true)}>
              Сохранить всё равно
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ResultDialog result={result} onClose={() => setResult(null)} />
    </Stack>
  );
}

export function TimetablePage({ canEdit }: AdminPageProps) {
  const [classId, setClassId] = useState<number | null>(null);
  return (
    <WithOverview>
      {(o) => {
        const cls = o.classes.find((c) => c.id === classId) ?? o.classes[0];
        return (
          <Stack gap="md">
            <PageHeader
              title="Расписание"
              hint="Уроки класса по дням недели; подгруппы — рядом в одной клетке. Накладки учителей и кабинетов по всем классам видны сразу."
            />
            {/* The week needs the width: at 1366 px the bells go below it instead of covering Friday. */}
            <Group align="flex-start" gap="xl" wrap="wrap">
              <Stack gap="md" style={{ flex: '1 1 860px', minWidth: 0 }}>
                {cls ? (
                  <>
                    <ClassSelect overview={o} value={cls.id} onChange={setClassId} />
                    <ClassTimetableEditor key={cls.id} classId={cls.id} canEdit={canEdit} />
                  </>
                ) : (
                  <Text c="dimmed">Сначала добавьте классы.</Text>
                )}
              </Stack>
              <BellsEditor canEdit={canEdit} />
            </Group>
          </Stack>
        );
      }}
    </WithOverview>
  );
}
