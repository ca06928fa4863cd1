import { stayNote } from '../../../shared/stays';
import type { PageCanvas } from '../page';
import { journalColumns, splitSpreads, type Column } from './columns';
import { dayMonth, monthKey, monthName } from '../../../shared/dates';
import { book, type BookPages } from './layout';
import type { BookJournal, BookLesson, BookStudent } from './model';
import { cellKey } from './model';

/** Date columns on a left page, as on the paper form. */
const dateColumns = 24;
const numW = 16;
const nameW = 122;
const headerTop = book.top + 30;
const monthH = 13;
const dayH = 15;
const rowsTop = headerTop + monthH + dayH;
const rowsBottom = 841.89 - book.bottom;
/** The right page: date, topic, homework, teacher. */
const right = { date: 34, topic: 218, homework: 172 };
const textSize = 8.5;
const leading = 10;
const minRow = 18;

function journalTitle(c: PageCanvas, pages: BookPages, journal: BookJournal): void {
  const subject = journal.subgroupName ? `${journal.subjectName} (${journal.subgroupName})` : journal.subjectName;
  c.text(subject, book.left, book.top + 14, { font: 'narrowBold', size: 13 });
  c.text(`${pages.data.className} класс · учитель ${journal.teacherName}`, book.left, book.top + 14, {
    size: 9.5,
    width: pages.bodyWidth,
    align: 'right',
  });
}

function teacherLines(lesson: BookLesson): string[] {
  return lesson.isSubstitution ? [lesson.teacherName, '(замена)'] : [lesson.teacherName];
}

function lessonRowHeight(c: PageCanvas, width: number, lesson: BookLesson): number {
  const teacherW = width - right.date - right.topic - right.homework;
  const lines = Math.max(
    c.wrap(lesson.topic ?? '', right.topic - 4, textSize).length,
    c.wrap(lesson.homework ?? '', right.homework - 4, textSize).length,
    teacherLines(lesson).flatMap((t) => c.wrap(t, teacherW - 4, textSize)).length,
  );
  return Math.max(minRow, lines * leading + 6);
}

function cellText(c: PageCanvas, text: string, x: number, y: number, w: number, h: number, bold: boolean): void {
  const size = text.length > 2 ? 7 : text.length === 2 ? 8 : 9.5;
  c.text(text, x, y + h / 2 + size * 0.35, { size, width: w, align: 'center', font: bold ? 'narrowBold' : 'narrow' });
}

function inactive(student: BookStudent, date: string): boolean {
  return (student.arrived !== null && date < student.arrived) || (student.left !== null && date > student.left);
}

function drawLeft(c: PageCanvas, pages: BookPages, journal: BookJournal, spread: Column[]): void {
  journalTitle(c, pages, journal);
  const x0 = book.left;
  const colW = (pages.bodyWidth - numW - nameW) / dateColumns;
  const datesX = x0 + numW + nameW;
  const students = journal.students;
  const rows = Math.max(students.length, 25);
  const rowH = Math.min(minRow, (rowsBottom - rowsTop) / rows);
  const bottom = rowsTop + rows * rowH;
  const finals = pages.data.finalMarks.get(journal.subjectId);

  // Header: «№», «Фамилия, имя», then months over their days; a period's column is headed by its number.
  c.text('№', x0, headerTop + 18, { size: 8, width: numW, align: 'center' });
  c.text('Фамилия, имя', x0 + numW, headerTop + 18, { size: 9, width: nameW, align: 'center', font: 'narrowBold' });
  c.text('Месяц, число', x0 + numW, headerTop + 9, { size: 7, width: nameW - 4, align: 'right' });
  // A period's column belongs to the month of the lesson before it.
  let current = '';
  const months = spread.map((col) => (col.kind === 'lesson' ? (current = monthKey(col.lesson.date)) : current));
  const first = months.find(Boolean) ?? '';
  let monthStart = 0;
  for (let i = 1; i <= spread.length; i++) {
    if (i < spread.length && months[i] === months[monthStart]) continue;
    const w = (i - monthStart) * colW;
    const name = monthName(months[monthStart] || first);
    const label = c.measure(name, 8) <= w - 2 ? name : `${name.slice(0, Math.max(1, Math.floor(w / 5) - 1))}.`;
    c.text(label, datesX + monthStart * colW, headerTop + 10, { size: 8, width: w, align: 'center' });
    if (i < spread.length) c.line(datesX + i * colW, headerTop, datesX + i * colW, headerTop + monthH);
    monthStart = i;
  }
  spread.forEach((col, i) => {
    const x = datesX + i * colW;
    if (col.kind === 'final') {
      c.fill(x, headerTop + monthH, colW, bottom - headerTop - monthH, 0.93);
      c.text(col.label, x, headerTop + monthH + 11, { size: 8, width: colW, align: 'center', font: 'narrowBold' });
    } else {
      c.text(col.lesson.date.slice(8, 10), x, headerTop + monthH + 11, { size: 8.5, width: colW, align: 'center' });
    }
  });

  students.forEach((s, r) => {
    const y = rowsTop + r * rowH;
    c.text(String(r + 1), x0, y + rowH / 2 + 3, { size: 8, width: numW - 2, align: 'right' });
    const note = stayNote(s.arrived, s.left, dayMonth);
    const nameSize = Math.min(9, ((nameW - 4) / Math.max(1, c.measure(s.listName, 9))) * 9);
    c.text(s.listName, x0 + numW + 2, y + (note ? rowH / 2 - 0.5 : rowH / 2 + 3), { size: nameSize });
    if (note) c.text(note, x0 + numW + 2, y + rowH - 2, { size: 6 });
    spread.forEach((col, i) => {
      const x = datesX + i * colW;
      if (col.kind === 'final') {
        const v = finals?.get(s.id)?.get(col.key);
        if (v) cellText(c, v, x, y, colW, rowH, true);
        return;
      }
      if (inactive(s, col.lesson.date)) {
        c.fill(x, y, colW, rowH, 0.82);
        return;
      }
      const v = journal.cells.get(cellKey(col.lesson.id, s.id));
      if (v) cellText(c, v, x, y, colW, rowH, false);
    });
  });

  // Grid: one path of thin lines, a few heavy ones around the header and the names.
  for (let r = 1; r < rows; r++) c.line(x0, rowsTop + r * rowH, x0 + pages.bodyWidth, rowsTop + r * rowH);
  c.line(datesX, headerTop + monthH, x0 + pages.bodyWidth, headerTop + monthH);
  for (let i = 1; i < dateColumns; i++) c.line(datesX + i * colW, headerTop + monthH, datesX + i * colW, bottom);
  c.line(x0 + numW, headerTop, x0 + numW, bottom);
  c.line(datesX, headerTop, datesX, bottom, true);
  c.line(x0, rowsTop, x0 + pages.bodyWidth, rowsTop, true);
  c.rect(x0, headerTop, pages.bodyWidth, bottom - headerTop, true);
}

function drawRight(c: PageCanvas, pages: BookPages, journal: BookJournal, spread: Column[]): void {
  journalTitle(c, pages, journal);
  const x0 = book.left;
  const teacherW = pages.bodyWidth - right.date - right.topic - right.homework;
  const xs = [
    x0,
    x0 + right.date,
    x0 + right.date + right.topic,
    x0 + right.date + right.topic + right.homework,
    x0 + pages.bodyWidth,
  ];
  const headers = ['Дата', 'Что пройдено на уроке', 'Домашнее задание', 'Учитель'];
  headers.forEach((h, i) =>
    c.text(h, xs[i] as number, headerTop + 18, {
      size: 9,
      width: (xs[i + 1] as number) - (xs[i] as number),
      align: 'center',
      font: 'narrowBold',
    }),
  );
  let y = rowsTop;
  for (const col of spread) {
    if (col.kind !== 'lesson') continue;
    const lesson = col.lesson;
    const h = lessonRowHeight(c, pages.bodyWidth, lesson);
    c.text(dayMonth(lesson.date), x0, y + 11, { size: textSize, width: right.date, align: 'center' });
    c.paragraph(lesson.topic ?? '', (xs[1] as number) + 2, y + 2, right.topic - 4, { size: textSize, leading });
    c.paragraph(lesson.homework ?? '', (xs[2] as number) + 2, y + 2, right.homework - 4, { size: textSize, leading });
    c.paragraph(teacherLines(lesson).join('\n'), (xs[3] as number) + 2, y + 2, teacherW - 4, {
      size: textSize,
      leading,
    });
    y += h;
    c.line(x0, y, x0 + pages.bodyWidth, y);
  }
  // The rest of the page is ruled like the paper form.
  while (y + minRow <= rowsBottom) {
    y += minRow;
    c.line(x0, y, x0 + pages.bodyWidth, y);
  }
  for (const x of xs.slice(1, -1)) c.line(x, headerTop, x, y);
  c.line(x0, rowsTop, x0 + pages.bodyWidth, rowsTop, true);
  c.rect(x0, headerTop, pages.bodyWidth, y - headerTop, true);
}

/** One subject's (or subgroup's) pages: spreads of a left and a right page with the same dates. */
export async function writeJournal(pages: BookPages, journal: BookJournal): Promise<void> {
  const scratch = pages.writer.scratch();
  const hasYear = [...(pages.data.finalMarks.get(journal.subjectId)?.values() ?? [])].some((m) => m.has('year'));
  const spreads = splitSpreads(journalColumns(journal, pages.data.periods, hasYear), {
    columns: dateColumns,
    rightHeight: rowsBottom - rowsTop,
    rowHeight: (lesson) => lessonRowHeight(scratch, pages.bodyWidth, lesson),
  });
  await pages.toLeftHandPage();
  pages.section(journal.subjectName, [journal.subgroupName, journal.teacherName].filter(Boolean).join(', '));
  for (const spread of spreads) {
    const left = pages.page();
    drawLeft(left, pages, journal, spread);
    await pages.done(left);
    const rightPage = pages.page();
    drawRight(rightPage, pages, journal, spread);
    await pages.done(rightPage);
  }
}
