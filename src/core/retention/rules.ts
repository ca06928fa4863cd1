// What the school keeps and until when (the school orders: «журналов успеваемости … на электронных и бумажных носителях —
// 5 лет; изъятых из журналов … сводных ведомостей успеваемости — 25 лет»; the printed journals go to the
// archive «не позднее 01 июля ежегодно»). As archive practice counts it, a term runs from 1 January of the year
// after the one in which the school year ended: the journals of 2025/2026 are kept through 2031.
import { daysBetween } from '../../shared/dates';
import type { RetentionItem } from '../../shared/contract/retention';

export const remindDays = 60;

interface Rule {
  kind: RetentionItem['kind'];
  document: (year: string) => string;
  action: string;
  due: (end: string) => string;
}

const startOfTerm = (end: string) => Number(end.slice(0, 4)) + 1;

export const rules: readonly Rule[] = [
  {
    kind: 'handover',
    document: (y) => `Классные журналы ${y} (прошитые)`,
    action: 'передать в архив по акту',
    due: (end) => `${end.slice(0, 4)}-07-01`,
  },
  {
    kind: 'journals',
    document: (y) => `Классные журналы ${y} (электронные и бумажные), 5 лет`,
    action: 'изъять сводные ведомости успеваемости и выделить журналы к уничтожению по акту',
    due: (end) => `${startOfTerm(end) + 5}-01-01`,
  },
  {
    kind: 'summary',
    document: (y) => `Сводные ведомости успеваемости ${y}, 25 лет`,
    action: 'выделить к уничтожению по акту',
    due: (end) => `${startOfTerm(end) + 25}-01-01`,
  },
];

/** Each rule applied to each ended school year, with its state on `today`. */
export function retentionItems(
  years: ReadonlyArray<{ id: number; name: string; endDate: string }>,
  done: ReadonlyMap<string, string>,
  today: string,
): RetentionItem[] {
  const items: RetentionItem[] = [];
  for (const y of years) {
    if (y.endDate >= today) continue;
    for (const r of rules) {
      const dueDate = r.due(y.endDate);
      const doneNote = done.get(`${y.id}.${r.kind}`) ?? null;
      const left = daysBetween(today, dueDate);
      const state = doneNote ? 'done' : left <= 0 ? 'due' : left <= remindDays ? 'soon' : 'keep';
      items.push({
        yearId: y.id,
        yearName: y.name,
        kind: r.kind,
        document: r.document(y.name),
        action: r.action,
        dueDate,
        state,
        doneNote,
      });
    }
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.yearName.localeCompare(b.yearName));
}
