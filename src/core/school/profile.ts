import { eq } from 'drizzle-orm';
import type { SchoolProfile } from '../../shared/contract/calendar';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import type { Db } from '../db/open';
import { settings } from '../db/schema';
import { writeTransaction } from '../db/write';

// The same settings keys the demo school and the printed journal already use.
const keys = {
  fullName: 'school.name',
  shortName: 'school.shortName',
  address: 'school.address',
  director: 'school.director',
} as const;

function read(db: Db, key: string): string {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  try {
    return row ? String(JSON.parse(row.value)) : '';
  } catch {
    return '';
  }
}

/** Writes the school's details; the caller may hold a transaction (the first-start wizard does). */
export function writeProfile(db: Db, profile: SchoolProfile): void {
  for (const [field, key] of Object.entries(keys) as [keyof SchoolProfile, string][]) {
    const value = JSON.stringify(profile[field].trim());
    db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  }
}

export type ProfileService = ReturnType<typeof createProfileService>;

/** The school's name as in its charter, short name, address and director. */
export function createProfileService({ db, audit }: { db: Db; audit: AuditService }) {
  const get = (): SchoolProfile => ({
    fullName: read(db, keys.fullName),
    shortName: read(db, keys.shortName),
    address: read(db, keys.address),
    director: read(db, keys.director),
  });
  return {
    get,
    save(actor: Actor, profile: SchoolProfile): void {
      const before = get();
      writeTransaction(db, () => {
        writeProfile(db, profile);
        audit.record({
          userId: actor.userId,
          action: 'school.profile',
          entity: 'school',
          oldValue: before,
          newValue: profile,
        });
      });
    },
  };
}
