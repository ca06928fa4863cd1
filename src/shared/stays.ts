// The note beside a student who came or left during the year: the same words in the journal on screen and in
// the printed book, so the bound copy reads as the teacher saw it. A stay runs from its first to its last day
// (both inclusive), and the order that ended it is dated the day after: the note names the order's date
// («выбыл с 03.11»), the date the movement register shows beside the order's number.
import { addDays } from './dates';

/**
 * «прибыл 12.10, выбыл с 03.11», or null for a student there the whole year; `format` writes a date. Where there is
 * room (the book's «Общие сведения») each is followed by its order: «выбыл с 03.11.2025 (приказ № 45-у от 31.10.2025)».
 */
export function stayNote(
  firstDay: string | null,
  lastDay: string | null,
  format: (iso: string) => string,
  orders: { arrived?: string | null; left?: string | null } = {},
): string | null {
  const by = (order: string | null | undefined) => (order ? ` (${order})` : '');
  const notes = [
    firstDay && `прибыл ${format(firstDay)}${by(orders.arrived)}`,
    lastDay && `выбыл с ${format(addDays(lastDay, 1))}${by(orders.left)}`,
  ];
  return notes.filter(Boolean).join(', ') || null;
}
