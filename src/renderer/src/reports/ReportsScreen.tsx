import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReportFormat } from '../../../shared/contract';
import { ErrorPanel } from '../errors/ErrorPanel';
import { addDays, todayIso } from '../../../shared/dates';
import { catalog, type CatalogEntry } from './catalog';
import { downloadReport } from './download';
import { ReportCharts } from './ReportCharts';
import { ReportParams, toInput, type ParamValues } from './ReportParams';
import { ReportTableView } from './ReportTableView';
import { RemarkDialog, type RemarkTarget } from '../inspection/RemarkDialog';
import { remarkTargetOf } from '../inspection/remarkTarget';
import { useYearPeriods, useYears } from '../school/useYears';
import { YearSelect } from '../school/YearSelect';
import { useReport, useReportClasses, useReportStudents } from './queries';
import { useHashParam } from '../shell/useHashRoute';

/** Results are read for the last finished period; a forecast is made for the running one. */
function defaultPeriod(
  periods: Array<{ id: number; startDate: string; endDate: string; scheme: string }>,
  today: string,
  running: boolean,
): number | null {
  const quarters = periods.filter((p) => p.scheme === 'quarters');
  const list = quarters.length ? quarters : periods;
  const current = list.find((p) => p.startDate <= today && today <= p.endDate);
  if (running && current) return current.id;
  return (list.filter((p) => p.endDate < today).at(-1) ?? list[0])?.id ?? null;
}

/** A month back from today, but not before the year began: the control report's default range. */
function monthBefore(today: string, yearStart: string | undefined): string {
  const back = addDays(today, -30);
  return yearStart && yearStart > back ? yearStart : back;
}

/**
 * «Отчёты»: choose a report and its parameters; see its chart and tables; take it away as XLSX or PDF. Any school
 * year can be picked: a closed year still reports as it was closed.
 */
/** `mayInspect`: the deputy, who writes remarks from the control report's lines. */
export function ReportsScreen({ mayInspect = false }: { mayInspect?: boolean }) {
  const [remarkOn, setRemarkOn] = useState<RemarkTarget | null>(null);
  const [remarked, setRemarked] = useState<string | null>(null);
  const years = useYears();
  const [yearId, setYearId] = useState<number | null>(null);
  const year = years.data?.find((y) => y.id === yearId) ?? years.data?.find((y) => y.isCurrent) ?? years.data?.[0];
  // Another year's defaults (periods, months, dates) are taken as of its last day, or its first if it is to come.
  const now = todayIso();
  const today = year && now > year.endDate ? year.endDate : year && now < year.startDate ? year.startDate : now;
  const periods = useYearPeriods(year?.id);
  const classes = useReportClasses(year?.id);
  const [reportName, setReportName] = useHashParam('report');
  const entry: CatalogEntry = catalog.find((c) => c.name === reportName) ?? catalog[0]!;
  const [chosen, setChosen] = useState<Partial<ParamValues>>({});
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);

  const classList = classes.data ?? [];
  const values: ParamValues = {
    classId: chosen.classId !== undefined ? chosen.classId : entry.schoolWide ? null : (classList[0]?.id ?? null),
    periodId:
      chosen.periodId !== undefined
        ? chosen.periodId
        : defaultPeriod(periods.data ?? [], today, entry.name === 'forecast'),
    level: chosen.level ?? 'class',
    month: chosen.month ?? today.slice(0, 7),
    from: chosen.from ?? monthBefore(today, year?.startDate),
    to: chosen.to ?? today,
    date: chosen.date ?? today,
    studentId: null,
  };
  const students = useReportStudents(values.classId, entry.params.includes('studentId'));
  values.studentId = chosen.studentId ?? students.data?.[0]?.id ?? null;
  const input = year && periods.data && classes.data ? toInput(entry, values, year.id) : null;
  const report = useReport(entry.name, input);

  async function download(format: ReportFormat) {
    if (!input) return;
    setBusy(format);
    setFileError(null);
    try {
      await downloadReport(entry.name, input, format);
    } catch (e) {
      setFileError(e);
    } finally {
      setBusy(null);
    }
  }

  if (years.error) return <ErrorPanel error={years.error} onRetry={() => void years.refetch()} />;
  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Paper withBorder p={4} w={260} style={{ flexShrink: 0 }} data-testid="report-list">
        {catalog.map((c) => (
          <NavLink
            key={c.name}
            label={c.title}
            active={c.name === entry.name}
            onClick={() => setReportName(c.name)}
            data-testid={`report-${c.name}`}
            style={{ borderRadius: 4 }}
          />
        ))}
      </Paper>
      <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between">
          <Title order={2}>{entry.title}</Title>
          <YearSelect
            w={150}
            aria-label="Учебный год"
            data-testid="report-year"
            years={years.data}
            value={year?.id}
            onChange={(y) => {
              setYearId(y.id);
              setChosen({});
            }}
          />
        </Group>
        <Group justify="space-between" align="flex-end">
          <ReportParams
            entry={entry}
            values={values}
            onChange={(v) => setChosen(v)}
            classes={classList}
            periods={periods.data ?? []}
            students={students.data ?? []}
          />
          <Group gap="xs">
            <Button
              variant="default"
              loading={busy === 'xlsx'}
              disabled={!report.data}
              onClick={() => void download('xlsx')}
              data-testid="download-xlsx"
            >
              Скачать XLSX
            </Button>
            <Button
              variant="default"
              loading={busy === 'pdf'}
              disabled={!report.data}
              onClick={() => void download('pdf')}
              data-testid="download-pdf"
            >
              Скачать PDF
            </Button>
          </Group>
        </Group>
        {classes.data && classes.data.length === 0 && !entry.schoolWide && (
          <Text c="dimmed">Нет классов, по которым вам доступен этот отчёт.</Text>
        )}
        {fileError !== null && <ErrorPanel error={fileError} />}
        {report.error && <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />}
        {report.isLoading && (
          <Center py="xl">
            <Loader size="sm" aria-label="Загрузка" />
          </Center>
        )}
        {report.data && (
          <Stack gap="lg" data-testid="report-view">
            <Text size="sm" c="dimmed" data-testid="report-subtitle">
              {report.data.subtitle}
            </Text>
            <ReportCharts name={report.data.name} data={report.data.data} />
            {remarked && (
              <Alert color="green" withCloseButton onClose={() => setRemarked(null)} data-testid="remark-done">
                {remarked}
              </Alert>
            )}
            {report.data.tables.map((t, i) => (
              <ReportTableView
                key={`${t.title}-${i}`}
                table={t}
                index={i}
                onRemark={
                  mayInspect && entry.name === 'control'
                    ? (line) => setRemarkOn(remarkTargetOf(line, t.columns))
                    : undefined
                }
              />
            ))}
            {remarkOn && (
              <RemarkDialog
                target={remarkOn}
                onClose={() => setRemarkOn(null)}
                onDone={(message) => {
                  setRemarkOn(null);
                  setRemarked(message);
                }}
              />
            )}
            {report.data.tables.length === 0 && <Text c="dimmed">Нет данных за выбранный период.</Text>}
          </Stack>
        )}
      </Stack>
    </Group>
  );
}
