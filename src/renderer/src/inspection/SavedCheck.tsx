import { Stack, Text, Title } from '@mantine/core';
import { contract } from '../../../shared/contract';
import { ruDate } from '../../../shared/dates';
import { useChannel } from '../api/useChannel';
import { ErrorPanel } from '../errors/ErrorPanel';
import { Loading } from '../errors/QueryGate';
import { ReportTableView } from '../reports/ReportTableView';
import type { RemarkTarget } from './RemarkDialog';
import { remarkTargetOf } from './remarkTarget';

/** A saved check as it was shown on its day; each journal line can take a remark that names the check. */
export function SavedCheck({ id, onRemark }: { id: number; onRemark: (t: RemarkTarget) => void }) {
  const check = useChannel(contract.inspection.check, { id });
  if (check.error) return <ErrorPanel error={check.error} onRetry={() => void check.refetch()} />;
  if (!check.data) return <Loading />;
  const c = check.data;
  return (
    <Stack gap="lg" data-testid="saved-check">
      <div>
        <Title order={4}>Проверка журналов от {ruDate(c.date)}</Title>
        <Text size="sm" c="dimmed">
          {c.title}, {c.subtitle}. Проверял: {c.checkedBy}
        </Text>
      </div>
      {c.tables.map((t, i) => (
        <ReportTableView
          key={`${t.title}-${i}`}
          table={t}
          index={i}
          onRemark={(line) => onRemark(remarkTargetOf(line, t.columns, c.id))}
        />
      ))}
    </Stack>
  );
}
