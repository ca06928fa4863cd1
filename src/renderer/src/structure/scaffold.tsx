// The pieces «Учебный план», «Подгруппы» and «Нагрузка» share: the row being edited and the delete call, the
// class the page works on (with its picker), the subject field of an edit dialog, and a table's empty row.
import { useState, type ReactNode } from 'react';
import { Select, Table, Text } from '@mantine/core';
import type { Channel, StructureOverview } from '../../../shared/contract';
import { ClassSelect } from './ClassSelect';
import { useStructureCall, WithOverview } from './common';

/** The dialog's draft (null: closed) and the delete call of a page's rows. */
export function useRowEditor<Draft, C extends Channel>(deleteChannel: C) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const remove = useStructureCall(deleteChannel);
  return { draft, setDraft, remove };
}

type SchoolClass = StructureOverview['classes'][number];

/** The overview and the class the page shows (the first until another is picked), with the picker to place. */
export function WithClass({
  children,
}: {
  children: (o: StructureOverview, cls: SchoolClass, picker: ReactNode) => ReactNode;
}) {
  const [classId, setClassId] = useState<number | null>(null);
  return (
    <WithOverview>
      {(o) => {
        const cls = o.classes.find((c) => c.id === classId) ?? o.classes[0];
        if (!cls) return <Text c="dimmed">Сначала добавьте классы.</Text>;
        return children(o, cls, <ClassSelect overview={o} value={cls.id} onChange={setClassId} />);
      }}
    </WithOverview>
  );
}

/** «Предмет» of an edit dialog: the school's subjects in the journal's order; `note` adds a remark to a name. */
export function SubjectSelect(props: {
  subjects: StructureOverview['subjects'];
  value: number;
  error?: ReactNode;
  onChange: (subjectId: number) => void;
  note?: (subjectId: number) => string | null;
  testId?: string;
}) {
  return (
    <Select
      label="Предмет"
      searchable
      data={props.subjects.map((s) => {
        const note = props.note?.(s.id);
        return { value: String(s.id), label: note ? `${s.name} (${note})` : s.name };
      })}
      value={String(props.value)}
      error={props.error}
      onChange={(v) => v && props.onChange(Number(v))}
      data-testid={props.testId}
    />
  );
}

/** The admin changes the structure of an open year; a closed year's is only shown. */
export const editable = (canEdit: boolean, o: StructureOverview) => canEdit && !o.year.readOnly;

/** The one row of a table with nothing in it, saying why. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" size="sm">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
