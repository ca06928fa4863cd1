import { Group, Text } from '@mantine/core';
import { absenceNames, absenceOrder, formatWeight } from './labels';
import type { WorkKind } from './useGrid';

/** What the colours and letters of the grid mean. */
export function Legend({ workKinds }: { workKinds: readonly WorkKind[] }) {
  return (
    <Group gap="lg" mt="sm" data-testid="legend" align="flex-start">
      {workKinds.length > 0 && (
        <Group gap="md" wrap="wrap">
          {workKinds.map((k) => (
            <Group key={k.id} gap={6} wrap="nowrap">
              <span className="zg-swatch" style={{ background: k.color }} />
              <Text size="xs">
                <b>{k.shortName}</b> — {k.name}
                <Text span size="xs" c="dimmed">
                  {' '}
                  (вес {formatWeight(k.weight)})
                </Text>
              </Text>
            </Group>
          ))}
        </Group>
      )}
      <Group gap="md" wrap="wrap">
        {absenceOrder.map((code) => (
          <Text key={code} size="xs">
            <span className="zg-absence">{code}</span> — {absenceNames[code]}
          </Text>
        ))}
        <Text size="xs">
          <span className="zg-sub-legend">
            12
            <span className="zg-sub" />
          </span>{' '}
          — урок проведён на замене
        </Text>
        <Text size="xs">
          <span className="zg-mark" data-control>
            5
          </span>{' '}
          — за контрольную работу
        </Text>
        <Text size="xs">
          <span className="zg-mark" data-failing>
            2
          </span>{' '}
          — неудовлетворительная
        </Text>
      </Group>
    </Group>
  );
}
