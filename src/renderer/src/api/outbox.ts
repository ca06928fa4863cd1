import { isUnreachable } from '../../../shared/connection';
import type { Channel, InputOf } from '../../../shared/contract';
import { connection } from './connection';
import { invokeChannel } from './invoke';

/** One call of a save, with the save id the server recognises it by when it arrives twice. */
export interface QueuedCall {
  channel: string;
  input: { saveId: string } & Record<string, unknown>;
}

/** What the teacher typed, kept until the server took it: one cell, one period mark or one lesson's fields. */
export interface OutboxItem {
  id: string;
  /** Whose typing it is: sent only in that user's session. */
  userId: number;
  /** Where it shows on screen as «не сохранено — ждёт связи»: `cell:lessonId:studentId`, `period:…`, `lesson:…`. */
  place: string;
  /** «Иванов Иван, 12 ноября: 5» — how the teacher recognises it in a refusal. */
  label: string;
  /** The value typed, put back on the screen while it waits. */
  value: unknown;
  /** The calls still to send, in order. */
  calls: QueuedCall[];
}

/** Where the queue lives between restarts: localStorage, under the key of the server the saves were typed for. */
export interface OutboxStorage {
  load(): OutboxItem[];
  save(items: OutboxItem[]): void;
}

/** The journal the saves belong to: its certificate (a desktop client), its origin (a browser), this computer. */
export interface OutboxServer {
  id: string;
  /** How the teacher knows it: «Школа № 5 (192.168.1.10:8443)». */
  label: string;
}

const keyPrefix = 'zhurnal.outbox@';
// Before saves were kept per server: a browser's are its origin's (localStorage is per origin), a desktop's unknown.
const unnamedKey = 'zhurnal.outbox';

type Stored = { label: string; items: OutboxItem[] };

function read(store: Storage, key: string): Stored | null {
  try {
    const parsed = JSON.parse(store.getItem(key) ?? 'null') as unknown;
    if (Array.isArray(parsed)) return { label: '', items: parsed as OutboxItem[] };
    const stored = parsed as Partial<Stored> | null;
    return stored && Array.isArray(stored.items) ? { label: String(stored.label ?? ''), items: stored.items } : null;
  } catch {
    return null;
  }
}

/**
 * The queue of one server: saves typed against server A are never sent to server B after the computer switched,
 * since B's queue is another key.
 */
export function serverStorage(server: OutboxServer, store: Storage, adoptUnnamed = false): OutboxStorage {
  const key = keyPrefix + server.id;
  return {
    load() {
      const items = read(store, key)?.items ?? [];
      if (!adoptUnnamed) return items;
      const unnamed = read(store, unnamedKey)?.items ?? [];
      if (unnamed.length === 0) return items;
      const all = [...unnamed, ...items];
      store.setItem(key, JSON.stringify({ label: server.label, items: all }));
      store.removeItem(unnamedKey);
      return all;
    },
    save(items) {
      // Nothing of the school stays on the computer once it is sent.
      if (items.length === 0) store.removeItem(key);
      else store.setItem(key, JSON.stringify({ label: server.label, items }));
    },
  };
}

/** Saves kept on this computer for other servers than `current`: shown, kept, never sent here. */
export function otherServersWaiting(current: string | null, store: Storage): { label: string; count: number }[] {
  const found: { label: string; count: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key === null || key === keyPrefix + current || (key !== unnamedKey && !key.startsWith(keyPrefix))) continue;
    const stored = read(store, key);
    if (stored && stored.items.length > 0)
      found.push({ label: stored.label || 'другой сервер', count: stored.items.length });
  }
  return found;
}

const memoryStorage = (): OutboxStorage => {
  let kept: OutboxItem[] = [];
  return { load: () => kept, save: (items) => void (kept = items) };
};

/** A save the server refused when it was sent: shown to the teacher who typed it. */
export interface Refusal {
  item: OutboxItem;
  error: unknown;
}

export type Submitted = { queued: true } | { queued: false; value: unknown };

type Send = (channel: string, input: unknown) => Promise<unknown>;
type Listener = () => void;

export const newSaveId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A call of the contract as the queue keeps it, with a save id of its own. */
export const queuedCall = <C extends Channel>(channel: C, input: InputOf<C>): QueuedCall => ({
  channel: channel.channel,
  input: { ...(input as Record<string, unknown>), saveId: newSaveId() },
});

/**
 * The saves typed while the journal could not be reached. A save goes straight to the server while it answers
 * and nothing waits; otherwise (or when its call finds the server gone) it joins the queue, kept in `storage`,
 * and the queue is sent in order when the server is back. Each call carries its save id, so a call whose
 * answer was lost is sent again without being written twice.
 */
export function createOutbox(first: OutboxStorage, send: Send, online: () => boolean) {
  let storage = first;
  let items = storage.load();
  let refusals: Refusal[] = [];
  let flushing: Promise<void> | null = null;
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());
  const persist = (next: OutboxItem[]) => {
    items = next;
    storage.save(items);
    emit();
  };
  const waitingFor = (userId: number) => items.some((i) => i.userId === userId);

  async function sendAll(item: OutboxItem): Promise<Submitted> {
    let value: unknown = null;
    for (let i = 0; i < item.calls.length; i++) {
      const call = item.calls[i]!;
      try {
        value = await send(call.channel, call.input);
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        persist([...items, { ...item, calls: item.calls.slice(i) }]);
        return { queued: true };
      }
    }
    return { queued: false, value };
  }

  async function flushNow(userId: number): Promise<void> {
    for (;;) {
      const item = items.find((i) => i.userId === userId);
      if (!item) return;
      const call = item.calls[0];
      try {
        if (call) await send(call.channel, call.input);
      } catch (error) {
        if (isUnreachable(error)) return;
        refusals = [...refusals, { item, error }];
        persist(items.filter((i) => i !== item));
        continue;
      }
      const rest = item.calls.slice(1);
      persist(
        rest.length ? items.map((i) => (i === item ? { ...item, calls: rest } : i)) : items.filter((i) => i !== item),
      );
    }
  }

  return {
    items: () => items,
    refusals: () => refusals,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /**
     * Sends a save, or queues it behind the saves already waiting; sent, it gives the last call's answer.
     * A refusal (a conflict, a rule of the journal) is thrown as it came.
     */
    async submit(item: OutboxItem): Promise<Submitted> {
      if (!online() || waitingFor(item.userId) || flushing) {
        persist([...items, item]);
        return { queued: true };
      }
      return sendAll(item);
    },
    /** Sends what waits for this user, in order; refused saves are set aside as refusals. */
    flush(userId: number): Promise<void> {
      flushing ??= flushNow(userId).finally(() => {
        flushing = null;
        emit();
      });
      return flushing;
    },
    /** The journal this window works with now (another server chosen): only its queue is shown and sent. */
    use(next: OutboxStorage) {
      storage = next;
      items = storage.load();
      emit();
    },
    dismiss(refusal: Refusal) {
      refusals = refusals.filter((r) => r !== refusal);
      emit();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

const browserStore = (): Storage | null => {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
};

/** A browser works with the server that served it; the desktop app's journal is told once known (setOutboxServer). */
const browserServer = (): OutboxServer | null =>
  typeof window === 'undefined' || window.api ? null : { id: `origin:${location.origin}`, label: location.host };

let current: OutboxServer | null = browserServer();

/** The renderer's one queue. */
export const outbox = createOutbox(
  current && browserStore() ? serverStorage(current, browserStore()!, true) : memoryStorage(),
  invokeChannel,
  () => connection.state() === 'online',
);

const listeners = new Set<() => void>();
let others: { label: string; count: number }[] = [];
const lookOthers = () => {
  const store = browserStore();
  others = store ? otherServersWaiting(current?.id ?? null, store) : [];
  listeners.forEach((l) => l());
};
lookOthers();

/** The desktop app opened another journal: its queue from now on; the others' are kept and shown, not sent. */
export function setOutboxServer(server: OutboxServer): void {
  const store = browserStore();
  if (current?.id === server.id || !store) return;
  current = server;
  outbox.use(serverStorage(server, store));
  lookOthers();
}

/** What waits on this computer for other servers than this window's. */
export const otherServers = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  get: () => others,
};
