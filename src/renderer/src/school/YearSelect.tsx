import { Select, type SelectProps } from '@mantine/core';

export interface YearOption {
  id: number;
  name: string;
  isCurrent: boolean;
}

interface YearSelectProps<Y extends YearOption> extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  years: readonly Y[] | undefined;
  /** The picked year; none shows the current one. */
  value: number | null | undefined;
  onChange(year: NoInfer<Y>): void;
  /** Shown only when there is a choice: a school in its first year sees no picker. */
  onlyIfChoice?: boolean;
  /** «(текущий)» after the current year's name. */
  markCurrent?: boolean;
}

/** «Учебный год»: the one picker of a school year, on every screen that reads another year. */
export function YearSelect<Y extends YearOption>({
  years,
  value,
  onChange,
  onlyIfChoice,
  markCurrent,
  ...props
}: YearSelectProps<Y>) {
  const list = years ?? [];
  if (onlyIfChoice && list.length < 2) return null;
  const shown = value ?? list.find((y) => y.isCurrent)?.id;
  return (
    <Select
      {...props}
      data={list.map((y) => ({
        value: String(y.id),
        label: markCurrent && y.isCurrent ? `${y.name} (текущий)` : y.name,
      }))}
      value={shown === undefined || shown === null ? null : String(shown)}
      onChange={(v) => {
        const year = list.find((y) => String(y.id) === v);
        if (year) onChange(year);
      }}
      allowDeselect={false}
    />
  );
}
