// What every Russian school has on its first day, so a new school can generate lessons and record marks
// before the admin has looked at «Виды работ» or the bell times: the usual work kinds with their weights
// (the same list the demo school uses) and a 40-minute first-shift bell schedule. Both stay editable.
import type { Db } from '../db/open';
import { bellTimes, workKinds as workKindsTable } from '../db/schema';
import { bells, workKinds } from '../demo/curriculum';

/** Call inside the wizard's transaction, on a database with no school yet. */
export function writeStarterKit(db: Db): void {
  workKinds.forEach((k, i) =>
    db
      .insert(workKindsTable)
      .values({
        code: k.code,
        name: k.name,
        shortName: k.short,
        weight: k.weight,
        isControl: k.isControl,
        color: k.color,
        sortOrder: i + 1,
      })
      .onConflictDoNothing()
      .run(),
  );
  bells.forEach(([startTime, endTime], i) =>
    db
      .insert(bellTimes)
      .values({ shift: 1, number: i + 1, startTime, endTime })
      .onConflictDoNothing()
      .run(),
  );
}
