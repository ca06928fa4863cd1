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

/** Where the queue lives between restarts: localStorage in a browser; the desktop client may give its own. */
export interface OutboxStorage {
  load(): OutboxItem[];
  save(items: OutboxItem[]): void;
}

const storageKey = 'zhurnal.outbox';

export const localOutboxStorage: OutboxStorage = {
  load() {
    try {
      const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxItem[]) : [];
    } catch {
      return [];
    }
  },
  save(items) {
    // Nothing of the school stays on the computer once it is sent.
    if (items.length === 0) window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, JSON.stringify(items));
  },
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
export function createOutbox(storage: OutboxStorage, send: Send, online: () => boolean) {
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
    dismiss(refusal: Refusal) {
      refusals = refusals.filter((r) => r !== refusal);
      emit();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** The renderer's one queue. */
export const outbox = createOutbox(localOutboxStorage, invokeChannel, () => connection.state() === 'online');
