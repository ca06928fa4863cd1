// Книга движения учащихся: every order of the period (a year, or dates inside it), in date order, as typed
// rows and as the one table the screen, the XLSX workbook and the PDF all draw (the reports' machinery).
import { AppError } from '../../shared/errors';
import type { MovementRegisterRow } from '../../shared/contract/movement';
import type { ReportTable } from '../../shared/contract/report-table';
import { fullName } from '../../shared/names';
import type { Db } from '../db/open';
import { ruDate } from '../../shared/dates';
import { col, int, table } from '../tables/build';
import { orderText } from '../../shared/orders';
import { yearOrCurrent } from '../school/years';
import { cancelledRows } from './cancelled';
import { registerRow, type RawRegisterRow } from './register-row';

const kindNames: Record<MovementRegisterRow['kind'], string> = {
  enrolled: 'зачислен',
  arrived: 'прибыл',
  left: 'выбыл',
  transferred: 'переведён',
};

/** The movement as the book words it: a cancelled order keeps its kind, marked «приказ отменён». */
export const kindText = (r: MovementRegisterRow) =>
  r.cancelReason === null ? kindNames[r.kind] : `${kindNames[r.kind]} — приказ отменён`;
/** «Откуда / куда», and for a cancelled order the reason it was cancelled. */
export const noteText = (r: MovementRegisterRow) =>
  r.cancelReason === null ? r.note : [r.note, `Отменён: ${r.cancelReason}`].filter(Boolean).join('. ');

export function registerRows(db: Db, from: string, to: string, classId?: number): MovementRegisterRow[] {
  const rows = db.$client
    .prepare(
      `select m.id, m.date, m.kind, m.student_id as studentId, s.last_name as lastName, s.first_name as firstName, s.middle_name as middleName,
              s.birth_date as birthDate, s.personal_file_no as personalFileNo, m.from_class_id as fromClassId, m.to_class_id as toClassId, fc.grade as fg, fc.letter as fl, tc.grade as tg, tc.letter as tl,
              m.order_number as orderNumber, m.order_date as orderDate, m.note
       from student_movements m join students s on s.id = m.student_id
       left join classes fc on fc.id = m.from_class_id left join classes tc on tc.id = m.to_class_id
       where m.date between ? and ? and (? is null or m.from_class_id = ? or m.to_class_id = ?)
       order by m.date, m.order_date, m.id`,
    )
    .all(from, to, classId ?? null, classId ?? null, classId ?? null) as (RawRegisterRow & {
    lastName: string;
    firstName: string;
    middleName: string | null;
  })[];
  // Cancelled orders stand where they were, in the same date order.
  return [...rows.map((r) => registerRow(r, fullName(r), null)), ...cancelledRows(db, from, to, classId)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.orderDate.localeCompare(b.orderDate) || a.id - b.id,
  );
}

export function registerTables(
  yearName: string,
  from: string,
  to: string,
  rows: readonly MovementRegisterRow[],
): ReportTable[] {
  const count = (k: MovementRegisterRow['kind']) => rows.filter((r) => r.kind === k && r.cancelReason === null).length;
  return [
    table(
      `Книга движения учащихся, ${yearName} учебный год`,
      `${ruDate(from)} — ${ruDate(to)}. Переведённый из класса в класс записан одной строкой: из какого и в какой класс. Отменённый приказ остаётся в книге с причиной отмены и в итоги не входит.`,
      [
        int('n', '№', 4),
        col('date', 'Дата', 10),
        col('name', 'Ученик', 28),
        col('birth', 'Дата рождения', 10),
        col('file', '№ личного дела', 9),
        col('kind', 'Движение', 10),
        col('from', 'Из класса', 7),
        col('to', 'В класс', 7),
        col('note', 'Откуда / куда', 24),
        col('order', 'Приказ', 18),
      ],
      rows.map((r, i) => [
        i + 1,
        ruDate(r.date),
        r.name,
        r.birthDate ? ruDate(r.birthDate) : null,
        r.personalFileNo,
        kindText(r),
        r.fromClass,
        r.toClass,
        noteText(r),
        orderText(r.orderNumber, r.orderDate),
      ]),
    ),
    table(
      'Итого по видам движения',
      null,
      [
        int('enrolled', 'Зачислено', 10),
        int('arrived', 'Прибыло', 10),
        int('transferred', 'Переведено', 10),
        int('left', 'Выбыло', 10),
      ],
      [[count('enrolled'), count('arrived'), count('transferred'), count('left')]],
    ),
  ];
}

/** The register of a year (the current one by default), or of some dates inside it. */
export function movementRegister(db: Db, input: { yearId?: number; from?: string; to?: string; classId?: number }) {
  const year = yearOrCurrent(db, input.yearId);
  // The register of a year starts with the summer's orders (enrolment into the 1st grade is ordered in August).
  const from = input.from ?? `${year.startDate.slice(0, 4)}-06-01`;
  const to = input.to ?? year.endDate;
  if (from > to) throw new AppError('validation', 'Начало периода позже его конца');
  const rows = registerRows(db, from, to, input.classId);
  return { yearName: year.name, from, to, rows, tables: registerTables(year.name, from, to, rows) };
}
