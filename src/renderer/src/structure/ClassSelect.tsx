import { Select } from '@mantine/core';
import type { StructureOverview } from '../../../shared/contract';

/** The class a page works on: the year's classes in order. */
export function ClassSelect({
  overview,
  value,
  onChange,
}: {
  overview: StructureOverview;
  value: number | null;
  onChange: (id: number) => void;
}) {
  return (
    <Select
      label="Класс"
      w={160}
      searchable
      data={overview.classes.map((c) => ({ value: String(c.id), label: c.name }))}
      value={value ? String(value) : null}
      onChange={(v) => v && onChange(Number(v))}
      data-testid="class-select"
      allowDeselect={false}
    />
  );
}
