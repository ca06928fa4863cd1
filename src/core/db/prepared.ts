import type { Db } from './open';

/**
 * A query built and prepared once per database, for the reads every save makes: building one through drizzle
 * and having SQLite compile it again took about half of a mark's save. Per database, not once for all, since a
 * restore opens the file again as a new one.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
