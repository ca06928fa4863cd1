import { eq } from 'drizzle-orm';
import type { ImportMapping, StudentImportOptions } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import { className as nameOfClass, fullName } from '../../shared/names';
import type { Db } from '../db/open';
import { classEnrollments, classes, students, subgroups } from '../db/schema';
import { joinSubgroups } from '../movement/stays';
import { cellOf, readPersonName } from './columns';
import { capitalize, type PlannedRow } from './plan';
import type { TableRow } from './table';
import { ruDate } from '../../shared/dates';
import { nameKey, parseClassName, parseDate, parseGender } from './values';
import { requireOpenYear } from '../years/closed';

export interface StudentValue {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  gender: 'm' | 'f' | null;
  personalFileNo: string | null;
  /** «5А» */
  classKey: string;
  /** The student already in the database (same name and birth date), enrolled anew. */
  existingId: number | null;
}

interface Year {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
}

/** What the database already holds that a row is checked against. */
function loadState(db: Db, yearId: number) {
  const byKey = new Map<string, number>();
  for (const s of db.select().from(students).all()) {
    const key = nameKey(s.lastName, s.firstName, s.middleName, s.birthDate);
    if (!byKey.has(key)) byKey.set(key, s.id);
  }
  const classIds = new Map(
    db
      .select()
      .from(classes)
      .where(eq(classes.yearId, yearId))
      .all()
      .map((c) => [nameOfClass(c), c.id] as const),
  );
  // Where each student is now, and every class of this year he has been in: a list printed in September still
  // names a student the secretary has since transferred or written out, and that row must change nothing.
  const classOf = new Map<number, string>();
  const wasIn = new Map<number, Set<string>>();
  const stays = db
    .select({
      studentId: classEnrollments.studentId,
      grade: classes.grade,
      letter: classes.letter,
      endDate: classEnrollments.endDate,
    })
    .from(classEnrollments)
    .innerJoin(classes, eq(classes.id, classEnrollments.classId))
    .where(eq(classes.yearId, yearId))
    .all();
  for (const e of stays) {
    if (e.endDate === null) classOf.set(e.studentId, nameOfClass(e));
    wasIn.set(e.studentId, (wasIn.get(e.studentId) ?? new Set()).add(nameOfClass(e)));
  }
  return { byKey, classIds, classOf, wasIn };
}

/** Every row of a class list checked against the file itself and the database; nothing is written. */
export function planStudents(
  db: Db,
  rows: TableRow[],
  mapping: ImportMapping,
  options: StudentImportOptions,
  year: Year,
  today: string,
) {
  const fixedClass = options.className ? parseClassName(options.className) : null;
  if (options.className && !fixedClass)
    throw new AppError('validation', `«${options.className}» — не название класса: нужно, например, 5А`);
  const state = loadState(db, year.id);
  const newClasses = new Set<string>();
  const seen = new Map<string, number>();
  const planned = rows.map((row): PlannedRow<StudentValue> => {
    const cell = (key: string) => cellOf(row.cells, mapping, key);
    const { lastName, firstName, middleName, errors } = readPersonName(row.cells, mapping);

    const birthText = cell('birthDate');
    const birthDate = birthText ? parseDate(birthText) : null;
    if (!birthText) errors.push('не заполнена дата рождения');
    else if (!birthDate) errors.push(`дата рождения «${birthText}» не читается: нужна дата вида ДД.ММ.ГГГГ`);
    else if (birthDate > today || birthDate < '1950-01-01')
      errors.push(`дата рождения ${ruDate(birthDate)} невозможна для учащегося`);

    const classText = options.className ?? cell('className');
    const parsedClass = fixedClass ?? (classText ? parseClassName(classText) : null);
    const classKey = parsedClass ? nameOfClass(parsedClass) : '';
    if (!classText) errors.push('не указан класс');
    else if (!parsedClass) errors.push(`«${classText}» — не название класса: нужно, например, 5А`);
    else if (!state.classIds.has(classKey) && !options.createClasses)
      errors.push(`класса ${classKey} нет в ${year.name} учебном году`);

    const gender = parseGender(cell('gender'));
    if (!gender.ok) errors.push(`пол «${cell('gender')}» не понят: нужно «м» или «ж»`);

    const key = nameKey(lastName, firstName, middleName, birthDate);
    const earlier = seen.get(key);
    if (lastName && firstName && birthDate && earlier !== undefined)
      errors.push(`повтор: этот учащийся уже есть в строке ${earlier}`);
    else seen.set(key, row.line);

    const existingId = birthDate ? (state.byKey.get(key) ?? null) : null;
    const enrolledIn = existingId === null ? undefined : state.classOf.get(existingId);
    const hasBeenIn = existingId !== null && (state.wasIn.get(existingId)?.has(classKey) ?? false);
    if (enrolledIn && enrolledIn !== classKey && parsedClass && !hasBeenIn) {
      errors.push(`уже числится в ${enrolledIn}: перевод в другой класс оформляется приказом в «Движении учащихся»`);
    }
    // Moved on by an order since the list was made: already known, nothing to write; the row says where he is.
    const movedOn =
      hasBeenIn && enrolledIn !== classKey
        ? enrolledIn
          ? `сейчас в ${enrolledIn} (переведён приказом)`
          : 'выбыл по приказу'
        : null;
    const summary = [
      fullName({ lastName, firstName, middleName }),
      birthDate ? ruDate(birthDate) : birthText,
      classKey || classText,
      movedOn,
    ]
      .filter(Boolean)
      .join(', ');
    if (errors.length > 0)
      return { line: row.line, summary, status: 'error', error: capitalize(errors.join('; ')), value: null };
    if (parsedClass && !state.classIds.has(classKey)) newClasses.add(classKey);
    return {
      line: row.line,
      summary,
      status: enrolledIn === classKey || hasBeenIn ? 'exists' : 'new',
      error: null,
      value: {
        lastName,
        firstName,
        middleName,
        birthDate: birthDate ?? '',
        gender: gender.ok ? gender.value : null,
        personalFileNo: cell('personalFileNo') || null,
        classKey,
        existingId,
      },
    };
  });
  return { rows: planned, newClasses: [...newClasses].sort(compareClassNames) };
}

function compareClassNames(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b, 'ru');
}

/**
 * Writes the planned new rows: the classes to create, the students, their enrollments from the order's date
 * (or the year's first day, for an order signed before it) and the «зачислен» movement. The caller holds the
 * transaction, so a failure anywhere leaves nothing written.
 */
export function writeStudents(
  db: Db,
  rows: PlannedRow<StudentValue>[],
  newClasses: string[],
  options: StudentImportOptions,
  year: Year,
  actorId: number | null,
) {
  requireOpenYear(db, year.id);
  const classIds = new Map(
    db
      .select()
      .from(classes)
      .where(eq(classes.yearId, year.id))
      .all()
      .map((c) => [nameOfClass(c), c.id] as const),
  );
  for (const key of newClasses) {
    const parsed = parseClassName(key);
    if (!parsed) continue;
    classIds.set(
      key,
      db
        .insert(classes)
        .values({ yearId: year.id, grade: parsed.grade, letter: parsed.letter })
        .returning({ id: classes.id })
        .get().id,
    );
  }
  const startDate = options.orderDate < year.startDate ? year.startDate : options.orderDate;
  const split = new Set(
    db
      .select({ classId: subgroups.classId })
      .from(subgroups)
      .all()
      .map((g) => g.classId),
  );
  // Prepared once: 10,000 rows are 30,000 inserts, and drizzle's per-call building was most of their time.
  const sql = db.$client;
  const insertStudent = sql.prepare(
    'insert into students (last_name, first_name, middle_name, birth_date, gender, personal_file_no) values (?, ?, ?, ?, ?, ?)',
  );
  const insertEnrollment = sql.prepare(
    'insert into class_enrollments (student_id, class_id, start_date) values (?, ?, ?)',
  );
  const insertMovement = sql.prepare(
    "insert into student_movements (student_id, kind, date, to_class_id, order_number, order_date, created_by) values (?, 'enrolled', ?, ?, ?, ?, ?)",
  );
  let created = 0;
  for (const row of rows) {
    const v = row.value;
    if (row.status !== 'new' || !v) continue;
    const classId = classIds.get(v.classKey);
    if (classId === undefined)
      throw new AppError('conflict', `Класс ${v.classKey} исчез во время загрузки: повторите загрузку`, {
        refusal: 'changed',
      });
    const studentId =
      v.existingId ??
      Number(
        insertStudent.run(v.lastName, v.firstName, v.middleName, v.birthDate, v.gender, v.personalFileNo)
          .lastInsertRowid,
      );
    insertEnrollment.run(studentId, classId, startDate);
    // As an arrival by order does: a split subject's journals list the newcomer in its smaller subgroup.
    if (split.has(classId)) joinSubgroups(db, studentId, classId, startDate, options.orderNumber);
    insertMovement.run(studentId, startDate, classId, options.orderNumber, options.orderDate, actorId);
    created++;
  }
  return { created, classesCreated: newClasses };
}
