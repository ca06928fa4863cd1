import { NativeSelect, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type JournalFinals, type PeriodMarkValue } from '../../../../shared/contract';
import { invoke } from '../../api/invoke';
import { channelKey } from '../../api/keys';
import { useFinals } from '../../api/queries';
import { ErrorPanel } from '../../errors/ErrorPanel';
import type { EnsureReason } from '../useCorrectionReason';
import { Loading } from '../../errors/QueryGate';

type Kind = 'year' | 'exam' | 'final';
const editable: { kind: Kind; label: string }[] = [
  { kind: 'year', label: 'Год' },
  { kind: 'exam', label: 'Экзамен' },
  { kind: 'final', label: 'Итоговая' },
];
const values: PeriodMarkValue[] = ['5', '4', '3', '2', '1', 'н/а', 'зач', 'незач', 'осв'];

const valueOf = (f: JournalFinals, studentId: number, kind: string, periodId: number | null = null) =>
  f.marks.find((m) => m.studentId === studentId && m.kind === kind && (kind !== 'period' || m.periodId === periodId))
    ?.value ?? '';

/** «Итоговые»: the marks of every period, then the year (with the one the periods suggest), exam and final marks. */
export function FinalsTable({ assignmentId, ensureReason }: { assignmentId: number; ensureReason: EnsureReason }) {
  const client = useQueryClient();
  const finals = useFinals(assignmentId);
  const save = useMutation({
    mutationFn: async (v: { studentId: number; kind: Kind; value: PeriodMarkValue | null }) => {
      const reason = await ensureReason();
      if (reason === null) return null;
      return invoke(contract.journal.setPeriodMark, { assignmentId, ...v, reason });
    },
    onSettled: () => void client.invalidateQueries({ queryKey: channelKey(contract.journal.finals, { assignmentId }) }),
  });

  if (finals.error) return <ErrorPanel error={finals.error} onRetry={() => void finals.refetch()} />;
  if (!finals.data) return <Loading />;
  const f = finals.data;
  return (
    <Table withTableBorder withColumnBorders striped fz="sm" data-testid="finals-table" style={{ width: 'auto' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>№</Table.Th>
          <Table.Th>Ученик</Table.Th>
          {f.periods.map((p) => (
            <Table.Th key={p.id} ta="center">
              {p.name}
            </Table.Th>
          ))}
          <Table.Th ta="center" title="Годовая отметка по правилу округления школы из отметок за периоды">
            Реком.
          </Table.Th>
          {editable.map((c) => (
            <Table.Th key={c.kind} ta="center">
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {f.students.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.number}</Table.Td>
            <Table.Td>{s.fullName}</Table.Td>
            {f.periods.map((p) => (
              <Table.Td key={p.id} ta="center" fw={600}>
                {valueOf(f, s.id, 'period', p.id)}
              </Table.Td>
            ))}
            <Table.Td ta="center" c="dimmed">
              {f.yearSuggestions.find((y) => y.studentId === s.id)?.suggested ?? ''}
            </Table.Td>
            {editable.map((c) => (
              <Table.Td key={c.kind} p={2}>
                {f.canWrite ? (
                  <NativeSelect
                    size="xs"
                    aria-label={`${c.label}: ${s.fullName}`}
                    data={[{ value: '', label: '—' }, ...values.map((v) => ({ value: v, label: v }))]}
                    value={valueOf(f, s.id, c.kind)}
                    onChange={(e) =>
                      save.mutate({
                        studentId: s.id,
                        kind: c.kind,
                        value: (e.currentTarget.value || null) as PeriodMarkValue | null,
                      })
                    }
                  />
                ) : (
                  <Text ta="center" fw={600} size="sm">
                    {valueOf(f, s.id, c.kind)}
                  </Text>
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
