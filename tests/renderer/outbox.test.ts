// The queue of saves typed while the journal cannot be reached: kept in its storage (so a restart finds it),
// sent in order once the server answers, a refused save set aside for the teacher, nothing kept once sent.
import { describe, expect, it } from 'vitest';
import { noConnection } from '../../src/shared/connection';
import { AppError } from '../../src/shared/errors';
import {
  createOutbox,
  otherServersWaiting,
  serverStorage,
  type OutboxItem,
  type OutboxStorage,
} from '../../src/renderer/src/api/outbox';

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

  it('keeps each server’s saves under its own key: after switching, another server’s are shown, never sent', async () => {
    const store = webStorage();
    const a = { id: 'cert:aa', label: 'Школа № 5 (10.0.0.5:8443)' };
    const b = { id: 'cert:bb', label: 'Школа № 7 (10.0.0.7:8443)' };
    const serverA = server();
    serverA.up = false;
    const outbox = createOutbox(serverStorage(a, store), serverA.send, () => false);
    await outbox.submit(item(1));
    await outbox.submit(item(2));

    // The admin switched this computer to server B: A's saves stay, listed, and B is sent nothing of them.
    const serverB = server();
    outbox.use(serverStorage(b, store));
    expect(outbox.items()).toEqual([]);
    expect(otherServersWaiting(b.id, store)).toEqual([{ label: a.label, count: 2 }]);
    expect(otherServersWaiting(a.id, store)).toEqual([]);
    const onB = createOutbox(serverStorage(b, store), serverB.send, () => true);
    await onB.flush(7);
    await expect(onB.submit(item(3))).resolves.toEqual({ queued: false, value: '3' });
    expect(serverB.applied).toEqual(['journal:setMark 3']);

    // Back on A (it answers again): its own saves go there, and nothing waits anywhere.
    serverA.up = true;
    const onA = createOutbox(serverStorage(a, store), serverA.send, () => true);
    await onA.flush(7);
    expect(serverA.applied).toEqual(['journal:setMark 1', 'journal:setMark 2']);
    expect(otherServersWaiting(b.id, store)).toEqual([]);
    expect(store.length).toBe(0);
  });

  it('gives a browser the saves kept before they were keyed by server (its storage is its origin’s); a desktop keeps them apart', () => {
    const store = webStorage();
    store.setItem('zhurnal.outbox', JSON.stringify([item(1)]));
    expect(otherServersWaiting('cert:aa', store)).toEqual([{ label: 'другой сервер', count: 1 }]);
    const browser = serverStorage({ id: 'origin:https://10.0.0.5:8443', label: '10.0.0.5:8443' }, store, true);
    expect(browser.load().map((i) => i.id)).toEqual(['item-1']);
    expect(store.getItem('zhurnal.outbox')).toBeNull();
    expect(otherServersWaiting('origin:https://10.0.0.5:8443', store)).toEqual([]);
  });
});

/** localStorage as the browser has it. */
function webStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}
