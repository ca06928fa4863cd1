import { Group, Select } from '@mantine/core';
import { reportInputs, type Period } from '../../../shared/contract';
import type { CatalogEntry } from './catalog';
import { DateField } from '../dates/DateField';
import { MonthField } from '../dates/MonthField';

export interface ParamValues {
  classId: number | null;
  periodId: number | null; // null: the year
  level: string;
  month: string;
  from: string;
  to: string;
  date: string;
  studentId: number | null;
}

const levels = [
  { value: 'class', label: 'по классам' },
  { value: 'subject', label: 'по предметам' },
  { value: 'teacher', label: 'по учителям' },
  { value: 'grade', label: 'по параллелям' },
  { value: 'school', label: 'по школе' },
];

interface Props {
  entry: CatalogEntry;
  values: ParamValues;
  onChange(next: ParamValues): void;
  classes: Array<{ id: number; name: string; grade: number }>;
  periods: Period[];
  students: Array<{ id: number; name: string }>;
}

/** The controls a report needs, and nothing else. */
export function ReportParams({ entry, values, onChange, classes, periods, students }: Props) {
  const set = (patch: Partial<ParamValues>) => onChange({ ...values, ...patch });
  const has = (k: string) => (entry.params as readonly string[]).includes(k);
  const grade = classes.find((c) => c.id === values.classId)?.grade;
  // A class's own scheme (quarters or half-years); school-wide, every period of the year.
  const shown = periods.filter(
    (p) => grade === undefined || (grade >= 10 ? p.scheme !== 'quarters' : p.scheme === 'quarters'),
  );
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      {has('classId') && (
        <Select
          label="Класс"
          data-testid="param-class"
          w={140}
          data={[
            ...(entry.schoolWide ? [{ value: '', label: 'Вся школа' }] : []),
            ...classes.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
          value={values.classId === null ? '' : String(values.classId)}
          onChange={(v) => set({ classId: v ? Number(v) : null, studentId: null })}
          allowDeselect={false}
          searchable
        />
      )}
      {has('studentId') && (
        <Select
          label="Ученик"
          data-testid="param-student"
          w={280}
          searchable
          data={students.map((s) => ({ value: String(s.id), label: s.name }))}
          value={values.studentId === null ? null : String(values.studentId)}
          onChange={(v) => set({ studentId: v ? Number(v) : null })}
          allowDeselect={false}
        />
      )}
      {has('periodId') && (
        <Select
          label="Период"
          data-testid="param-period"
          w={170}
          data={[
            ...shown.map((p) => ({ value: String(p.id), label: p.name })),
            { value: 'year', label: 'Учебный год' },
          ]}
          value={values.periodId === null ? 'year' : String(values.periodId)}
          onChange={(v) => set({ periodId: v && v !== 'year' ? Number(v) : null })}
          allowDeselect={false}
        />
      )}
      {has('level') && (
        <Select
          label="Группировка"
          data-testid="param-level"
          w={170}
          data={levels}
          value={values.level}
          onChange={(v) => set({ level: v ?? 'class' })}
          allowDeselect={false}
        />
      )}
      {has('month') && (
        <MonthField
          label="Месяц"
          data-testid="param-month"
          w={170}
          value={values.month}
          onChange={(v) => set({ month: v })}
        />
      )}
      {has('from') && (
        <DateField label="С" data-testid="param-from" w={160} value={values.from} onChange={(v) => set({ from: v })} />
      )}
      {has('to') && (
        <DateField label="По" data-testid="param-to" w={160} value={values.to} onChange={(v) => set({ to: v })} />
      )}
      {has('date') && (
        <DateField
          label="На дату"
          data-testid="param-date"
          w={160}
          value={values.date}
          onChange={(v) => set({ date: v })}
        />
      )}
    </Group>
  );
}

/** The input of the report's channel from the screen's values; null while something required is missing. */
export function toInput(entry: CatalogEntry, v: ParamValues, yearId: number): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const k of entry.params) {
    if (k === 'classId') {
      if (v.classId === null && !entry.schoolWide) return null;
      if (v.classId !== null) out.classId = v.classId;
    } else if (k === 'periodId') out.periodId = v.periodId;
    else if (k === 'studentId') {
      if (v.studentId === null) return null;
      out.studentId = v.studentId;
    } else {
      if (!v[k]) return null;
      out[k] = v[k];
    }
  }
  // Only the reports of a whole year take it: an input may not carry a key its report does not name.
  if ('yearId' in reportInputs[entry.name].shape) out.yearId = yearId;
  return out;
}
