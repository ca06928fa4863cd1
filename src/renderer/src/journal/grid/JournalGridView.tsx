import { useLayoutEffect, useMemo, useRef } from 'react';
import { Text } from '@mantine/core';
import type { JournalGrid } from '../../../../shared/contract';
import { monthKey } from '../dates';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { Legend } from './Legend';
import { useGrid } from './useGrid';
import './grid.css';

/** The journal's page on screen: students × lessons with marks and absences, the average and the period mark. */
export function JournalGridView({ grid, today }: { grid: JournalGrid; today: string }) {
  const model = useGrid(grid);
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => scrollToToday(scroller.current, today), [grid, today]);
  const monthStarts = useMemo(() => {
    const starts = new Set<number>();
    grid.lessons.forEach((l, i) => {
      if (i > 0 && monthKey(l.date) !== monthKey(grid.lessons[i - 1]?.date ?? '')) starts.add(l.id);
    });
    return starts;
  }, [grid.lessons]);

  if (!model) return null;
  if (model.rows.length === 0) return <Text c="dimmed">В этом периоде в классе нет учеников.</Text>;
  return (
    <>
      {model.lessons.length === 0 && (
        <Text c="dimmed" mb="sm">
          В этом периоде уроков по предмету нет.
        </Text>
      )}
      <div className="zg-scroll" ref={scroller}>
        <table className="zg-table" data-testid="journal-grid">
          <GridHeader model={model} today={today} />
          <tbody>
            {model.rows.map((row) => (
              <GridRow key={row.student.id} row={row} monthStarts={monthStarts} />
            ))}
          </tbody>
        </table>
      </div>
      <Legend workKinds={model.usedWorkKinds} />
    </>
  );
}

/** A long period opens scrolled to its latest lessons up to today: that is where a teacher writes. */
function scrollToToday(container: HTMLDivElement | null, today: string): void {
  if (!container) return;
  const days = [...container.querySelectorAll<HTMLElement>('th[data-date]')].filter((th) => (th.dataset.date ?? '') <= today);
  const last = days.at(-1);
  if (!last) return;
  const cell = last.getBoundingClientRect();
  const rightEdge = cell.right - container.getBoundingClientRect().left + container.scrollLeft;
  const rightColumns = 110; // «Ср.» and «Итог» stay on the right above the scrolled days
  const aheadColumns = 3 * cell.width; // and a few days after today remain visible
  container.scrollLeft = Math.max(0, rightEdge + aheadColumns + rightColumns - container.clientWidth);
}
