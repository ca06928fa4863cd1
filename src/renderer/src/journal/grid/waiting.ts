import type { JournalGrid } from '../../../../shared/contract';
import type { OutboxItem } from '../../api/outbox';
import { withCell, type CellAddress, type CellValue } from './cellState';
import { cellPlace } from './conflicts';

/**
 * The page as the teacher left it: the saves still waiting for the server put back over what the server last
 * sent, and the places they are at (shown as «не сохранено — ждёт связи»).
 */
export function withWaiting(grid: JournalGrid, items: readonly OutboxItem[]) {
  const places = new Map<string, CellAddress>();
  for (const student of grid.students) {
    for (const lesson of grid.lessons) {
      const address = { studentId: student.id, lessonId: lesson.id };
      places.set(cellPlace(grid.assignment.id, address), address);
    }
    const final = { studentId: student.id, periodId: grid.period.id };
    places.set(cellPlace(grid.assignment.id, final), final);
  }
  const waiting = new Set<string>();
  let shown = grid;
  for (const item of items) {
    const address = places.get(item.place);
    if (!address) continue;
    waiting.add(item.place);
    shown = withCell(shown, address, item.value as CellValue);
  }
  return { shown, waiting };
}
