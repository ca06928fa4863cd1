import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../shared/errors';

/** A table's columns as `name type notnull pk`, in their order: what a migration makes and what a hand edit changes. */
type Shape = Map<string, string[]>;

/** Triggers by name with their SQL, whitespace folded: the audit log's append-only guard is two of them. */
type Triggers = Map<string, string>;

function triggersOf(client: Database.Database): Triggers {
  const rows = client.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all() as {
    name: string;
    sql: string;
  }[];
  return new Map(rows.map((r) => [r.name, r.sql.replace(/\s+/g, ' ').trim()]));
}

function shapeOf(client: Database.Database): Shape {
  const tables = client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name <> '__drizzle_migrations' order by name",
    )
    .all() as { name: string }[];
  const shape: Shape = new Map();
  for (const { name } of tables) {
    const columns = client
      .prepare('select name, type, "notnull" as required, pk from pragma_table_info(?)')
      .all(name) as { name: string; type: string; required: number; pk: number }[];
    shape.set(
      name,
      columns.map((c) => `${c.name} ${c.type.toLowerCase()} ${c.required} ${c.pk}`),
    );
  }
  return shape;
}

// The migrations of one folder make one schema: worked out once per process, in memory.
const expected = new Map<string, { shape: Shape; triggers: Triggers }>();

function expectedSchema(migrationsFolder: string) {
  let schema = expected.get(migrationsFolder);
  if (!schema) {
    const fresh = new Database(':memory:');
    try {
      migrate(drizzle(fresh), { migrationsFolder });
      schema = { shape: shapeOf(fresh), triggers: triggersOf(fresh) };
    } finally {
      fresh.close();
    }
    expected.set(migrationsFolder, schema);
  }
  return schema;
}

const columnName = (column: string) => column.split(' ')[0];

/**
 * Refuses a database whose tables or triggers differ from what the migrations make (a table dropped or changed by hand, a
 * damaged schema): served anyway, it would fail on the first screen that reads the table, as a bug.
 */
export function checkSchema(client: Database.Database, migrationsFolder: string, file: string): void {
  const actual = shapeOf(client);
  const problems: string[] = [];
  const schema = expectedSchema(migrationsFolder);
  for (const [table, columns] of schema.shape) {
    const found = actual.get(table);
    if (!found) {
      problems.push(`нет таблицы ${table}`);
      continue;
    }
    const missing = columns.filter((c) => !found.includes(c)).map(columnName);
    const extra = found.filter((c) => !columns.includes(c)).map(columnName);
    if (missing.length || extra.length) {
      const changed = [...new Set([...missing, ...extra])];
      problems.push(`в таблице ${table} изменены столбцы: ${changed.join(', ')}`);
    }
  }
  // A dropped trigger lets the audit log be rewritten; an added one can change marks behind the app's back.
  const triggers = triggersOf(client);
  for (const [name, sql] of schema.triggers) {
    if (!triggers.has(name)) problems.push(`удалён триггер ${name}`);
    else if (triggers.get(name) !== sql) problems.push(`изменён триггер ${name}`);
  }
  for (const name of triggers.keys()) if (!schema.triggers.has(name)) problems.push(`добавлен чужой триггер ${name}`);
  if (problems.length > 0) {
    throw new AppError(
      'io',
      `Структура базы данных ${file} не совпадает с той, что создаёт Журнал: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (и ещё ${problems.length - 3})` : ''}. Журнал не запущен, файл не изменён; восстановите базу из резервной копии.`,
      { problems },
    );
  }
}
