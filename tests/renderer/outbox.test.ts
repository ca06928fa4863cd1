// The queue of saves typed while the journal cannot be reached: kept in its storage (so a restart finds it),
// sent in order once the server answers, a refused save set aside for the teacher, nothing kept once sent.
import { describe, expect, it } from 'vitest';
import { noConnection } from '../../src/shared/connection';
import { AppError } from '../../src/shared/errors';
import { createOutbox, type OutboxItem, type OutboxStorage } from '../../src/renderer/src/api/outbox';

function memoryStorage(): OutboxStorage & { saved: OutboxItem[] } {
  const storage = {
    saved: [] as OutboxItem[],
    load: () => JSON.parse(JSON.stringify(storage.saved)) as OutboxItem[],
    save: (items: OutboxItem[]) => void (storage.saved = JSON.parse(JSON.stringify(items)) as OutboxItem[]),
  };
  return storage;
}

/** A server that is up or down, and refuses the values it is told to. */
function server() {
  const s = {
    up: true,
    refuse: new Set<string>(),
    applied: [] as string[],
    async send(channel: string, input: unknown) {
      if (!s.up) throw new AppError('io', noConnection);
      const { value1 } = input as { value1: string };
      if (s.refuse.has(value1)) throw new AppError('validation', `«${value1}» не принято`);
      s.applied.push(`${channel} ${value1}`);
      return value1;
    },
  };
  return s;
}

const item = (n: number, userId = 7): OutboxItem => ({
  id: `item-${n}`,
  userId,
  place: `cell:1:${n}`,
  label: `ученик ${n}`,
  value: String(n),
  calls: [{ channel: 'journal:setMark', input: { saveId: `save-${n}`, value1: String(n) } }],
});

describe('the outbox', () => {
  it('sends at once while the server answers, and keeps nothing', async () => {
    const storage = memoryStorage();
    const s = server();
    const outbox = createOutbox(storage, s.send, () => true);
    expect(await outbox.submit(item(1))).toEqual({ queued: false, value: '1' });
    expect(storage.saved).toEqual([]);
    expect(s.applied).toEqual(['journal:setMark 1']);
  });

  it('keeps what is typed without a connection through a restart, then sends it in order and forgets it', async () => {
    const storage = memoryStorage();
    const s = server();
    s.up = false;
    let online = true;
    const first = createOutbox(storage, s.send, () => online);
    expect(await first.submit(item(1))).toEqual({ queued: true });
    online = false;
    expect(await first.submit(item(2))).toEqual({ queued: true });
    expect(storage.saved.map((i) => i.id)).toEqual(['item-1', 'item-2']);

    // The client restarted: a new queue over the same storage.
    const again = createOutbox(storage, s.send, () => true);
    expect(again.items()).toHaveLength(2);
    await again.flush(7);
    expect(again.items()).toHaveLength(2); // still unreachable: nothing lost, nothing dropped
    s.up = true;
    // Typed while older saves wait: queued behind them, not sent ahead.
    expect(await again.submit(item(3))).toEqual({ queued: true });
    await again.flush(7);
    expect(s.applied).toEqual(['journal:setMark 1', 'journal:setMark 2', 'journal:setMark 3']);
    expect(again.items()).toEqual([]);
    expect(storage.saved).toEqual([]);
  });

  it('sets a refused save aside for the teacher and sends the rest; another user’s saves wait for them', async () => {
    const storage = memoryStorage();
    storage.saved = [item(1), item(2), item(3, 8)];
    const s = server();
    s.refuse.add('1');
    const outbox = createOutbox(storage, s.send, () => true);
    await outbox.flush(7);
    expect(s.applied).toEqual(['journal:setMark 2']);
    expect(outbox.refusals().map((r) => [r.item.id, (r.error as AppError).message])).toEqual([
      ['item-1', '«1» не принято'],
    ]);
    expect(outbox.items().map((i) => i.id)).toEqual(['item-3']);
  });
});
