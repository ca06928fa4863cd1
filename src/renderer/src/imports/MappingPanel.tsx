import { Select, SimpleGrid } from '@mantine/core';
import { importFields, type ImportKind, type ImportMapping } from '../../../shared/contract';

export interface FileColumn {
  index: number;
  header: string;
  samples: string[];
}

/** For each field of the import, the column of the file that holds it; guessed from the headers, changed here. */
export function MappingPanel({
  kind,
  columns,
  mapping,
  onChange,
  fixedClass,
}: {
  kind: ImportKind;
  columns: FileColumn[];
  mapping: ImportMapping;
  onChange(m: ImportMapping): void;
  fixedClass: boolean;
}) {
  const options = [
    { value: '', label: '— нет в файле —' },
    ...columns.map((c) => ({
      value: String(c.index),
      label: `${c.index + 1}. ${c.header || 'без заголовка'}${c.samples[0] ? ` (${c.samples.filter(Boolean).slice(0, 2).join(', ')})` : ''}`,
    })),
  ];
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" data-testid="import-mapping">
      {importFields[kind].map((f) => {
        const required =
          f.required &&
          !(fixedClass && f.key === 'className') &&
          !((f.key === 'lastName' || f.key === 'firstName') && mapping.fullName != null);
        return (
          <Select
            key={f.key}
            label={f.label}
            withAsterisk={required}
            data={options}
            value={mapping[f.key] == null ? '' : String(mapping[f.key])}
            allowDeselect={false}
            onChange={(v) => onChange({ ...mapping, [f.key]: v ? Number(v) : null })}
            data-testid={`map-${f.key}`}
          />
        );
      })}
    </SimpleGrid>
  );
}
