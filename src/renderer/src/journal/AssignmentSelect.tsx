import { useState } from 'react';
import {
  Group,
  Select,
  Text,
  type ComboboxItemGroup,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import type { AssignmentSummary } from '../../../shared/contract';

export const assignmentLabel = (a: AssignmentSummary) =>
  `${a.className} · ${a.subjectName}${a.subgroupName ? ` (${a.subgroupName})` : ''}`;

function groupByClass(list: readonly AssignmentSummary[]): ComboboxItemGroup[] {
  const groups: ComboboxItemGroup[] = [];
  for (const a of list) {
    const item = { value: String(a.id), label: assignmentLabel(a) };
    const last = groups.at(-1);
    if (last?.group === a.className) last.items.push(item);
    else groups.push({ group: a.className, items: [item] });
  }
  return groups;
}

const normalize = (s: string) => s.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** Every typed word must occur in the label or the teacher's name: «5а мат», «русск 6б», «петрова». */
function wordsFilter(byId: ReadonlyMap<string, AssignmentSummary>): OptionsFilter {
  return ({ options, search }) => {
    const words = normalize(search).split(/\s+/).filter(Boolean);
    const matches = (value: string, label: string) => {
      const text = normalize(`${label} ${byId.get(value)?.teacherName ?? ''}`);
      return words.every((w) => text.includes(w));
    };
    const keep = (o: ComboboxParsedItem): ComboboxParsedItem | null => {
      if ('group' in o) {
        const items = o.items.filter((i) => matches(i.value, i.label));
        return items.length ? { ...o, items } : null;
      }
      return matches(o.value, o.label) ? o : null;
    };
    return options.map(keep).filter((o): o is ComboboxParsedItem => o !== null);
  };
}

/** The journal to open: class and subject (and subgroup), grouped by class, searchable by typing «5А мат». */
export function AssignmentSelect(props: {
  assignments: readonly AssignmentSummary[];
  value: AssignmentSummary | undefined;
  onChange(a: AssignmentSummary): void;
  showTeacher: boolean;
}) {
  const byId = new Map(props.assignments.map((a) => [String(a.id), a]));
  // What is typed while searching; null shows the chosen journal (also after choosing the same one again).
  const [search, setSearch] = useState<string | null>(null);
  return (
    <Select
      label="Класс и предмет"
      aria-label="Класс и предмет"
      data-testid="assignment-select"
      w={360}
      searchable
      allowDeselect={false}
      nothingFoundMessage="Ничего не найдено"
      maxDropdownHeight={420}
      data={groupByClass(props.assignments)}
      filter={wordsFilter(byId)}
      value={props.value ? String(props.value.id) : null}
      searchValue={search ?? (props.value ? assignmentLabel(props.value) : '')}
      onSearchChange={setSearch}
      onDropdownClose={() => setSearch(null)}
      onChange={(v) => {
        setSearch(null);
        const a = v ? byId.get(v) : undefined;
        if (a) props.onChange(a);
      }}
      renderOption={({ option }) => {
        const a = byId.get(option.value);
        return (
          <Group gap={8} wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {a && (props.showTeacher || a.viaSubstitution) && (
              <Text size="xs" c="dimmed">
                {a.viaSubstitution ? 'замена' : a.teacherName}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}
