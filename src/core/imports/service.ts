import type { ImportKind, ImportRequest, ImportResult } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import { fullName } from '../../shared/names';
import { mayAccess, type Role } from '../../shared/roles';
import { accountOf, type Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { UsersService } from '../auth/users';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { users as usersTable } from '../db/schema';
import type { SchoolService } from '../school/service';
import { requireOpenYear } from '../years/closed';
import { checkMapping, guessMapping } from './columns';
import { previewOf } from './plan';
import { planStudents, writeStudents } from './students';
import { readTable } from './table';
import { writeTeacherSubjects } from './subjects';
import { planTeachers } from './teachers';
import { ruDate } from '../../shared/dates';
import { writeTransaction } from '../db/write';

export type ImportService = ReturnType<typeof createImportService>;

// A class list of the largest school is ~2,000 rows; a teachers' list ~150. Beyond these it is the wrong file.
const limits = {
  students: { maxRows: 20_000, what: 'в списке учащихся' },
  teachers: { maxRows: 1_000, what: 'в списке учителей' },
} as const;

/**
 * The secretary keeps the class lists, the administrator the accounts; a class a list names that the year
 * does not have is the school's structure, so only the administrator (school.manage) creates it from a list.
 */
function mayImport(actor: Actor, kind: ImportKind, createClasses = false): void {
  const ok = kind === 'students' ? mayAccess('movement.manage', actor.roles) : mayAccess('users.manage', actor.roles);
  if (!ok)
    throw new AppError(
      'forbidden',
      kind === 'students' ? 'Списки классов загружают секретарь и администратор' : 'Учителей загружает администратор',
    );
  if (createClasses && !mayAccess('school.manage', actor.roles))
    throw new AppError('forbidden', 'Новые классы создаёт администратор (Администрирование → «Классы»)');
}

async function readFile(kind: ImportKind, fileName: string, contentBase64: string) {
  const rows = await readTable(fileName, Buffer.from(contentBase64, 'base64'), limits[kind]);
  const [header, ...data] = rows;
  if (!header) throw new AppError('validation', 'Файл пуст: в нём нет ни одной заполненной строки');
  if (data.length === 0)
    throw new AppError('validation', 'В файле только строка заголовков: под ней нет ни одной строки с данными');
  return { header: header.cells, data, width: Math.max(...rows.map((r) => r.cells.length)) };
}

/** Class lists and teachers from XLSX/CSV: checked row by row, written all at once or not at all. */
export function createImportService({
  db,
  clock,
  audit,
  users,
  school,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  users: UsersService;
  school: SchoolService;
}) {
  const today = () => localDate(clock.now());

  async function plan(req: ImportRequest) {
    const file = await readFile(req.kind, req.fileName, req.contentBase64);
    if (req.kind === 'teachers') {
      checkMapping('teachers', req.mapping, file.width);
      return { kind: 'teachers' as const, rows: planTeachers(db, file.data, req.mapping) };
    }
    checkMapping('students', req.mapping, file.width, req.options.className ? ['className'] : []);
    const year = school.currentYear();
    requireOpenYear(db, year.id);
    if (req.options.orderDate > year.endDate)
      throw new AppError(
        'validation',
        `Приказ от ${ruDate(req.options.orderDate)} издан после конца ${year.name} учебного года`,
      );
    return {
      kind: 'students' as const,
      year,
      options: req.options,
      ...planStudents(db, file.data, req.mapping, req.options, year, today()),
    };
  }

  return {
    async inspect(actor: Actor, input: { kind: ImportKind; fileName: string; contentBase64: string }) {
      mayImport(actor, input.kind);
      const file = await readFile(input.kind, input.fileName, input.contentBase64);
      const columns = Array.from({ length: file.width }, (_, index) => ({
        index,
        header: file.header[index] ?? '',
        samples: file.data.slice(0, 3).map((r) => r.cells[index] ?? ''),
      }));
      return { columns, mapping: guessMapping(input.kind, file.header), rows: file.data.length };
    },

    async preview(actor: Actor, req: ImportRequest) {
      mayImport(actor, req.kind, req.kind === 'students' && req.options.createClasses);
      const planned = await plan(req);
      return previewOf(planned.rows, planned.kind === 'students' ? planned.newClasses : []);
    },

    async commit(actor: Actor, req: ImportRequest & { skipInvalid: boolean }): Promise<ImportResult> {
      mayImport(actor, req.kind, req.kind === 'students' && req.options.createClasses);
      const planned = await plan(req);
      const summary = previewOf(planned.rows);
      if (summary.errors > 0 && !req.skipInvalid) {
        throw new AppError(
          'validation',
          `В файле ${summary.errors} строк с ошибками: исправьте файл или подтвердите, что эти строки пропускаются. Ничего не записано.`,
          {
            errors: summary.errors,
          },
        );
      }
      const base = {
        existing: summary.exists,
        skipped: summary.errors,
        classesCreated: [] as string[],
        subjectsCreated: [] as string[],
        accounts: [] as ImportResult['accounts'],
      };
      if (planned.kind === 'students') {
        const result = writeTransaction(db, () => {
          const written = writeStudents(
            db,
            planned.rows,
            planned.newClasses,
            planned.options,
            planned.year,
            accountOf(actor),
          );
          audit.record({
            userId: actor.userId,
            action: 'import.students',
            entity: 'student',
            newValue: { file: req.fileName, ...written, existing: summary.exists, skipped: summary.errors },
          });
          return written;
        });
        return { ...base, created: result.created, classesCreated: result.classesCreated };
      }
      const fresh = planned.rows.flatMap((r) => (r.status === 'new' && r.value ? [r.value] : []));
      const created = await users.createMany(
        actor,
        fresh.map(({ subjects: _subjects, ...v }) => ({
          ...v,
          middleName: v.middleName ?? undefined,
          roles: ['teacher'] as const satisfies Role[],
        })),
      );
      // Each teacher's subjects, the new accounts' and those already there, found by login.
      const ids = new Map(
        db
          .select({ id: usersTable.id, login: usersTable.login })
          .from(usersTable)
          .all()
          .map((u) => [u.login, u.id]),
      );
      const taught = planned.rows.flatMap((r) =>
        r.status !== 'error' && r.value?.subjects.length
          ? [{ userId: ids.get(r.value.login) ?? 0, subjects: r.value.subjects }]
          : [],
      );
      const subjectsCreated = writeTransaction(db, () =>
        writeTeacherSubjects(
          db,
          taught.filter((t) => t.userId > 0),
        ),
      );
      audit.record({
        userId: actor.userId,
        action: 'import.teachers',
        entity: 'user',
        newValue: {
          file: req.fileName,
          created: created.length,
          existing: summary.exists,
          skipped: summary.errors,
          subjectsCreated,
        },
      });
      return {
        ...base,
        subjectsCreated,
        created: created.length,
        accounts: created.map((c, i) => ({
          login: c.login,
          fullName: fresh[i] ? fullName(fresh[i]) : c.login,
          password: c.oneTimePassword,
        })),
      };
    },
  };
}
