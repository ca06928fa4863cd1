// The «Предметы» column of a teachers' list: «Математика, физика» read against the school's subjects. A
// subject the school does not have yet is created when the list is written, so the admin does not type it
// again; each teacher's subjects are kept as the hint «Нагрузка» proposes teachers by.
import { asc } from 'drizzle-orm';
import type { Db } from '../db/open';
import { subjects } from '../db/schema';
import { readSetting, writeSetting } from '../school/settings';
import { capitalize } from './plan';
import { cleanName, nameKey } from './values';

export interface SubjectCatalogue {
  /** nameKey of a subject's name or short name → its name as the school writes it. */
  byKey: Map<string, string>;
}

export function loadCatalogue(db: Db): SubjectCatalogue {
  const byKey = new Map<string, string>();
  for (const s of db.select().from(subjects).all()) {
    byKey.set(nameKey(s.name), s.name);
    if (s.shortName) byKey.set(nameKey(s.shortName.replace(/\.$/, '')), s.name);
  }
  return { byKey };
}

/**
 * The subjects a cell names, each as the school's own subject when it has one («физика» → «Физика»,
 * «Мат.» → «Математика»), else as a new one with a capital letter. Separators: comma, semicolon, new line.
 */
export function readSubjects(cell: string, catalogue: SubjectCatalogue): { name: string; isNew: boolean }[] {
  const out = new Map<string, { name: string; isNew: boolean }>();
  for (const part of cell.split(/[,;\n]+/)) {
    const text = cleanName(part).replace(/\.$/, '');
    if (!text) continue;
    const key = nameKey(text);
    const known = catalogue.byKey.get(key);
    if (!out.has(key)) out.set(key, known ? { name: known, isNew: false } : { name: capitalize(text), isNew: true });
  }
  return [...out.values()];
}

/**
 * Creates the subjects no one has yet (after the school's last one) and adds each teacher's subjects to the
 * hint. Call inside the import's transaction. Returns the names created, in the file's order.
 */
export function writeTeacherSubjects(db: Db, teachers: { userId: number; subjects: string[] }[]): string[] {
  const existing = db.select().from(subjects).orderBy(asc(subjects.sortOrder)).all();
  const idByKey = new Map(existing.map((s) => [nameKey(s.name), s.id]));
  let sortOrder = existing.at(-1)?.sortOrder ?? 0;
  const created: string[] = [];
  const hint = { ...readSetting(db, 'structure.teacherSubjects') };
  for (const t of teachers) {
    const ids = new Set(hint[String(t.userId)] ?? []);
    for (const name of t.subjects) {
      let id = idByKey.get(nameKey(name));
      if (id === undefined) {
        sortOrder += 10;
        id = db
          .insert(subjects)
          .values({ name, shortName: abbreviate(name), sortOrder })
          .returning({ id: subjects.id })
          .get().id;
        idByKey.set(nameKey(name), id);
        created.push(name);
      }
      ids.add(id);
    }
    if (ids.size > 0) hint[String(t.userId)] = [...ids];
  }
  writeSetting(db, 'structure.teacherSubjects', hint);
  return created;
}

/** «Изобразительное искусство» → «Изо. иск.»: the journal's narrow columns want a short name; the admin may change it. */
export function abbreviate(name: string): string {
  const short = name
    .split(' ')
    .map((w) => (w.length > 4 ? `${w.slice(0, 3)}.` : w))
    .join(' ');
  return short.length <= 12 ? short : `${short.slice(0, 11).trimEnd()}.`;
}
