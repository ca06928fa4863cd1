import { Alert } from '@mantine/core';

/** Planned hours against the curriculum's yearly hours (docs/DOMAIN.md: they must be equal). */
export function HoursCheck({ planned, curriculum }: { planned: number; curriculum: number | null }) {
  if (curriculum === null) {
    return (
      <Alert color="gray" variant="light" data-testid="hours-check">
        Запланировано {planned} ч. В учебном плане нет часов по этому предмету: сверить не с чем.
      </Alert>
    );
  }
  if (planned === curriculum) {
    return (
      <Alert color="teal" variant="light" data-testid="hours-check">
        Запланировано {planned} ч — столько же, сколько в учебном плане.
      </Alert>
    );
  }
  const diff = planned - curriculum;
  return (
    <Alert color="orange" variant="light" data-testid="hours-check">
      Запланировано {planned} ч, а по учебному плану {curriculum} ч:{' '}
      {diff > 0 ? `на ${diff} ч больше` : `не хватает ${-diff} ч`}.
    </Alert>
  );
}
