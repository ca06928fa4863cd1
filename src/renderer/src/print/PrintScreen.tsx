import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { contract, type SessionUser } from '../../../shared/contract';
import { mayAccess } from '../../../shared/roles';
import { describeError } from '../api/errors';
import { invoke } from '../api/invoke';
import { ErrorPanel } from '../errors/ErrorPanel';
import { FileActions } from './FileActions';
import { PreflightList } from './PreflightList';
import { usePreflight, usePrintClasses } from './queries';
import { SchoolPanel } from './SchoolPanel';
import { YearSelect } from '../school/YearSelect';
import { Loading } from '../errors/QueryGate';
import { useHashParam } from '../shell/useHashRoute';

/** «Печать»: the secretary's bound books — one class (checked first) or the whole school with the act. */
export function PrintScreen({ user }: { user: SessionUser }) {
  const [yearId, setYearId] = useState<number | null>(null);
  const [classParam, setClassId] = useHashParam('class');
  const classId = Number(classParam) || null;
  const [checked, setChecked] = useState(false);
  const [duplex, setDuplex] = useState(false);
  const [personalData, setPersonalData] = useState(false);
  const classes = usePrintClasses(yearId);
  const preflight = usePreflight(classId, checked);
  const book = useMutation({
    mutationFn: (id: number) => invoke(contract.print.classBook, { classId: id, duplex, personalData }),
  });

  if (classes.error) return <ErrorPanel error={classes.error} onRetry={() => void classes.refetch()} />;
  if (!classes.data) return <Loading />;
  const data = classes.data;
  const chooseClass = (v: string | null) => {
    setClassId(v);
    setChecked(false);
    book.reset();
  };

  return (
    <Stack gap="md" maw={1100} data-testid="print-screen">
      <Title order={3}>Печать журналов</Title>
      <Group align="end">
        <YearSelect
          label="Учебный год"
          w={160}
          years={data.years}
          value={data.yearId}
          onChange={(y) => {
            setYearId(y.id);
            chooseClass(null);
          }}
        />
        <Stack gap={6}>
          <Checkbox
            label="Двусторонняя печать (лист — две страницы)"
            checked={duplex}
            onChange={(e) => setDuplex(e.currentTarget.checked)}
          />
          <Checkbox
            label="Общие сведения об обучающихся (персональные данные)"
            checked={personalData}
            onChange={(e) => setPersonalData(e.currentTarget.checked)}
          />
        </Stack>
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Журнал класса</Title>
          <Group align="end">
            <Select
              label="Класс"
              placeholder="Выберите класс"
              // Wide enough for «10А — Константинопольская А. В.»: the class teacher's name was cut at 1366 px.
              w={360}
              searchable
              data={data.classes.map((c) => ({
                value: String(c.id),
                label: c.classTeacher ? `${c.name} — ${c.classTeacher}` : c.name,
              }))}
              value={classId ? String(classId) : null}
              onChange={chooseClass}
            />
            <Button
              variant="default"
              disabled={!classId}
              loading={preflight.isFetching}
              onClick={() => (checked ? void preflight.refetch() : setChecked(true))}
            >
              Проверить перед печатью
            </Button>
            <Button disabled={!classId} loading={book.isPending} onClick={() => classId && book.mutate(classId)}>
              Напечатать журнал класса
            </Button>
          </Group>
          {preflight.error && <ErrorPanel error={preflight.error} />}
          {checked && preflight.data && (
            <PreflightList issues={preflight.data.issues} canOpen={mayAccess('journal.read_all', user.roles)} />
          )}
          {book.error && <Alert color="red">{describeError(book.error).message}</Alert>}
          {book.data && (
            <div data-testid="class-book">
              <Text fw={500}>
                Готово: страниц {book.data.pages}, листов {book.data.sheets}
                {book.data.issues > 0 && ` (черновик: замечаний проверки ${book.data.issues})`}
              </Text>
              <FileActions file={book.data.file} label="Файл" />
            </div>
          )}
        </Stack>
      </Paper>

      {mayAccess('print.journal', user.roles) && (
        <SchoolPanel yearId={yearId} duplex={duplex} personalData={personalData} />
      )}
    </Stack>
  );
}
