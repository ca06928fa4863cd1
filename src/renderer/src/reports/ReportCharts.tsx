import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text } from '@mantine/core';
import type {
  AttendanceMonthData,
  AttendanceYearData,
  ControlData,
  ForecastData,
  ProgressData,
} from '../../../shared/contract';
import { dayMonth, dayOfMonth, monthAbbreviation } from '../../../shared/dates';
import { percentText } from '../../../shared/numbers';

function ChartCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" fw={600} mb="xs">
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function ProgressCharts({ data }: { data: ProgressData }) {
  const rows = data.rows
    .filter((r) => r.assessed > 0)
    .map((r) => ({ label: r.label, quality: r.qualityPct ?? 0, success: r.successPct ?? 0 }));
  const t = data.total;
  const marks = [
    { mark: '«5»', count: t.n5 },
    { mark: '«4»', count: t.n4 },
    { mark: '«3»', count: t.n3 },
    { mark: '«2»', count: t.n2 },
    { mark: 'н/а', count: t.nNa },
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="report-chart">
      <ChartCard title="Качество и успеваемость, %">
        <BarChart
          h={240}
          data={rows}
          dataKey="label"
          yAxisProps={{ domain: [0, 100] }}
          series={[
            { name: 'quality', label: '% качества', color: 'indigo.6' },
            { name: 'success', label: '% успеваемости', color: 'teal.5' },
          ]}
          withLegend
        />
      </ChartCard>
      <ChartCard title="Распределение отметок">
        <BarChart h={240} data={marks} dataKey="mark" series={[{ name: 'count', label: 'Отметок', color: 'blue.6' }]} />
      </ChartCard>
    </SimpleGrid>
  );
}

function AttendanceYearChart({ data }: { data: AttendanceYearData }) {
  const rows = data.byMonth.map((m) => ({
    month: monthAbbreviation(m.month),
    illness: m.illness,
    excused: m.excused,
    unexcused: m.unexcused,
  }));
  return (
    <ChartCard title="Пропущено уроков по месяцам">
      <div data-testid="report-chart">
        <BarChart
          h={240}
          data={rows}
          dataKey="month"
          type="stacked"
          withLegend
          series={[
            { name: 'illness', label: 'По болезни', color: 'blue.5' },
            { name: 'excused', label: 'Уважительные', color: 'teal.5' },
            { name: 'unexcused', label: 'Без уважительной причины', color: 'red.6' },
          ]}
        />
      </div>
    </ChartCard>
  );
}

function AttendanceMonthChart({ data }: { data: AttendanceMonthData }) {
  const rows = data.schoolDays.map((d) => ({
    day: String(dayOfMonth(d)),
    missed: data.rows.reduce((s, r) => s + (r.byDay[d] ?? 0), 0),
  }));
  return (
    <ChartCard title="Пропущено уроков по дням">
      <div data-testid="report-chart">
        <BarChart
          h={200}
          data={rows}
          dataKey="day"
          series={[{ name: 'missed', label: 'Пропущено уроков', color: 'orange.6' }]}
        />
      </div>
    </ChartCard>
  );
}

function ForecastChart({ data }: { data: ForecastData }) {
  const d = data.distribution;
  const rows = [
    { mark: '«5»', count: d.n5 },
    { mark: '«4»', count: d.n4 },
    { mark: '«3»', count: d.n3 },
    { mark: '«2»', count: d.n2 },
    { mark: 'н/а', count: d.nNa },
    { mark: 'нет отметок', count: d.none },
  ];
  const a = data.accuracy;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="report-chart">
      <ChartCard title="Ожидаемые отметки за период">
        <BarChart
          h={220}
          data={rows}
          dataKey="mark"
          series={[{ name: 'count', label: 'Учеников × предметов', color: 'violet.6' }]}
        />
      </ChartCard>
      {a && (
        <ChartCard title="Точность прогноза на истории школы">
          <Text size="sm" data-testid="forecast-accuracy">
            Совпадение с отметкой за период: <b>{a.exactPct === null ? '—' : percentText(a.exactPct)}</b>, ошибка не
            больше балла: <b>{a.withinOnePct === null ? '—' : percentText(a.withinOnePct)}</b>.
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            Прогноз по отметкам первой половины периода сравнён с выставленными отметками: {a.cases} случаев за{' '}
            {a.periods} завершённых периодов. Риск «2» заранее отмечен у {a.riskRecallPct ?? '—'} % получивших «2».
          </Text>
        </ChartCard>
      )}
    </SimpleGrid>
  );
}

function ControlChart({ data }: { data: ControlData }) {
  const a = data.activity;
  const rows = a.weeks.map((w, i) => ({
    week: dayMonth(w),
    entries: a.teachers.reduce((s, t) => s + (t.byWeek[i] ?? 0), 0),
    silent: a.silentByWeek[i] ?? 0,
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="report-chart">
      <ChartCard title="Записей в журналах по неделям">
        <BarChart
          h={220}
          data={rows}
          dataKey="week"
          series={[{ name: 'entries', label: 'Записей', color: 'indigo.6' }]}
        />
      </ChartCard>
      <ChartCard title="Учителей, которые вели уроки, но ничего не записали">
        <BarChart h={220} data={rows} dataKey="week" series={[{ name: 'silent', label: 'Учителей', color: 'red.6' }]} />
      </ChartCard>
    </SimpleGrid>
  );
}

/** Where a person would rather look than read: quality by class, marks' distribution, attendance by month, teachers' weekly activity. */
export function ReportCharts({ name, data }: { name: string; data: unknown }) {
  if (name === 'progress') return <ProgressCharts data={data as ProgressData} />;
  if (name === 'attendanceYear') return <AttendanceYearChart data={data as AttendanceYearData} />;
  if (name === 'forecast') return <ForecastChart data={data as ForecastData} />;
  if (name === 'attendanceMonth') return <AttendanceMonthChart data={data as AttendanceMonthData} />;
  if (name === 'control') return <ControlChart data={data as ControlData} />;
  return null;
}
