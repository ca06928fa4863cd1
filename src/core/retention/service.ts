// The retention register: computed from the school years in the database, with what the secretary has
// recorded as done (an act's number) kept in settings under `retention.done.<yearId>.<kind>`.
import { like } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { RetentionItem } from '../../shared/contract/retention';
import type { Actor } from '../actor';
import type { AuditService } from '../audit/service';
import { localDate, type Clock } from '../clock';
import type { Db } from '../db/open';
import { schoolYears, settings } from '../db/schema';
import { retentionItems } from './rules';
import { writeTransaction } from '../db/write';

const prefix = 'retention.done.';

export function createRetentionService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  function register() {
    const years = db.select().from(schoolYears).all();
    const done = new Map(
      db
        .select()
        .from(settings)
        .where(like(settings.key, `${prefix}%`))
        .all()
        .map((r) => [r.key.slice(prefix.length), JSON.parse(r.value) as string]),
    );
    const items = retentionItems(years, done, localDate(clock.now()));
    return { items, due: items.filter((i) => i.state === 'due' || i.state === 'soon').length };
  }
  return {
    register,
    markDone(actor: Actor, input: { yearId: number; kind: RetentionItem['kind']; note: string }) {
      const item = register().items.find((i) => i.yearId === input.yearId && i.kind === input.kind);
      if (!item) throw new AppError('not_found', 'Такого пункта в реестре хранения нет');
      if (item.state === 'done')
        throw new AppError('conflict', 'Этот пункт уже отмечен выполненным', { refusal: 'already' });
      const key = `${prefix}${input.yearId}.${input.kind}`;
      writeTransaction(db, () => {
        db.insert(settings)
          .values({ key, value: JSON.stringify(input.note) })
          .run();
        audit.record({
          userId: actor.userId,
          action: 'retention.done',
          entity: 'school_year',
          entityId: input.yearId,
          newValue: { kind: input.kind, note: input.note },
        });
      });
      return register();
    },
  };
}
