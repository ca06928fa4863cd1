import type { z } from 'zod';
import { contract, findChannel, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { unknownKey } from '../../shared/contract/unknown-keys';
import { AppError, type Result } from '../../shared/errors';
import { mayAccess } from '../../shared/roles';
import type { Actor } from '../actor';
import { withComputer } from '../audit/computer';
import { storageFailure } from '../db/failures';
import type { Foreground } from './foreground';
import { rawInputProblem } from './raw-input';

/** What a transport knows about one call: the session it carries and how to change it (cookie, window). */
export interface CallContext {
  sessionToken: string | null;
  /** «desktop», «http 127.0.0.1», «cli»: written to the audit log at login. */
  client: string;
  setSession(token: string | null): void;
  /** The computer a call from the network came from (address, and the name it gave): named in its audit entries. */
  computer?: string;
  /** The transport gave up on the call (the browser went away): heavy work still queued or running is cancelled. */
  signal?: AbortSignal;
}

/** Who calls a channel: anybody for a public one; past the dispatcher's gate, always a signed-in actor. */
export type ActorOf<C extends Channel> = C['access'] extends 'public' ? Actor | null : Actor;

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  actor: ActorOf<C>,
  call: CallContext,
) => OutputOf<C> | Promise<OutputOf<C>>;

/** Any channel's handler, as the dispatcher calls it once the channel is known only by its name. */
type AnyHandler = (input: unknown, actor: Actor | null, call: CallContext) => unknown;

type Contract = typeof contract;
/** The same shape as the contract, so a channel without its handler fails to compile. */
export type Handlers = {
  [D in keyof Contract]: { [K in keyof Contract[D]]: Contract[D][K] extends Channel ? Handler<Contract[D][K]> : never };
};

export interface DispatcherDeps {
  handlers: Handlers;
  resolveActor(token: string | null): Actor | null;
  logError?(error: unknown, channel: string): void;
  /** A signed-in user was refused (a gate or the object's owner): the audit log keeps the attempt. */
  onRefused?(actor: Actor, channel: string, message: string, input: unknown): void;
  /** Runs a heavy channel's handler on a worker thread (core/workers/offload.ts); null: the channel runs here. */
  offload?(channel: string, input: unknown, actor: Actor | null, call: CallContext): Promise<unknown> | null;
  /**
   * Runs a save's handler in the next group commit (core/db/commit-groups.ts), answered once committed; null:
   * the channel's handler runs and commits by itself.
   */
  grouped?(channel: string, run: () => unknown): Promise<unknown> | null;
  /** The caller's own password again (Channel.stepUp): throws when it is wrong; counted like a login. */
  confirmPassword?(actor: Actor, password: string | undefined, call: CallContext): Promise<void>;
  /** The database file, named in the message of a full disk or a read-only file. */
  dbFile?: string;
  /** A call succeeded, so what it wrote is committed: other screens are told what changed (core/live). */
  onCommitted?(channel: string, input: unknown, output: unknown, call: CallContext): void;
  /** Told while a call is answered on this thread, so background work makes way for it (api/foreground.ts). */
  foreground?: Foreground;
}

export interface Dispatch {
  (channel: string, input: unknown, call: CallContext): Promise<Result<unknown>>;
  /**
   * The user whose live session a token is, or null: read only (no idle lock, no audit), for a transport that
   * limits calls before reading them (host/server.ts: a call without a session may send only a small body).
   */
  sessionOwner?(token: string | null): number | null;
}

/** A dispatch that does something around another's calls, still telling whose a session is as the inner one does. */
export function aroundDispatch(
  inner: Dispatch,
  call: (channel: string, input: unknown, context: CallContext) => Promise<Result<unknown>>,
): Dispatch {
  return Object.assign(call, { sessionOwner: inner.sessionOwner });
}

/** A channel's entry in any table shaped like the contract (its handlers, its change events), by the channel's name. */
export function entryFor<T>(table: object, channel: string): T | undefined {
  const [domain] = channel.split(':');
  const group = (table as Record<string, Record<string, T>>)[domain ?? ''];
  if (!group) return undefined;
  const domainContract = (contract as unknown as Record<string, Record<string, Channel>>)[domain ?? ''] ?? {};
  const key = Object.keys(domainContract).find((k) => domainContract[k]?.channel === channel);
  return key ? group[key] : undefined;
}

export const handlerFor = (handlers: Handlers, channel: string) => entryFor<AnyHandler>(handlers, channel);

/** What a locked session may still do: reopen with its user's password, lock again, or end («Сменить пользователя»). */
const whileLocked = new Set(['auth:unlock', 'auth:lock', 'auth:logout']);

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * The one wrapper every transport goes through: resolve the actor from the session → check the permission →
 * validate the input → call the service → return a Result. Nothing else in a shell touches a service.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const dispatch: Dispatch = async (channelName, rawInput, call) => {
    let actor: Actor | null = null;
    let answering = true;
    const answered = () => {
      if (answering) deps.foreground?.leave();
      answering = false;
    };
    deps.foreground?.enter();
    try {
      const channel = findChannel(channelName);
      const handler = channel && handlerFor(deps.handlers, channelName);
      if (!channel || !handler) throw new AppError('not_found', `Неизвестный вызов: ${channelName}`);
      actor = deps.resolveActor(call.sessionToken);
      if (channel.access !== 'public' && actor === null) {
        throw new AppError('unauthorized', 'Сеанс завершён: войдите в систему снова');
      }
      if (actor?.sessionLocked && channel.access !== 'public' && !whileLocked.has(channelName)) {
        // `unauthorized` like an ended session, flagged so the renderer shows the lock screen, not the login.
        throw new AppError('unauthorized', 'Сеанс заблокирован: введите пароль, чтобы продолжить работу', {
          sessionLocked: true,
        });
      }
      if (actor?.mustChangePassword && channel.access !== 'public' && !channelName.startsWith('auth:')) {
        throw new AppError('forbidden', 'Сначала смените временный пароль');
      }
      if (!mayAccess(channel.access, actor?.roles ?? null)) {
        throw new AppError('forbidden', 'У вас нет прав на это действие');
      }
      const problem = rawInputProblem(rawInput);
      if (problem) throw new AppError('validation', problem.message, { issues: [problem] });
      const parsed = channel.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issues = issuesOf(parsed.error);
        throw new AppError('validation', issues.map((i) => i.message).join('; '), { issues });
      }
      const extra = unknownKey(rawInput ?? {}, parsed.data);
      if (extra) throw new AppError('validation', extra.message, { issues: [extra] });
      const password = (parsed.data as { password?: string }).password;
      if (channel.stepUp === 'always' || (channel.stepUp === 'ifGiven' && password !== undefined)) {
        if (!actor || !deps.confirmPassword)
          throw new AppError('forbidden', 'Это действие требует пароля администратора');
        try {
          await deps.confirmPassword(actor, password, call);
        } catch (e) {
          // A wrong password that locked the account ended the session: the transport forgets it too.
          if (e instanceof AppError && e.kind === 'unauthorized') call.setSession(null);
          throw e;
        }
      }
      // Outputs are always parsed, not only checked: parsing strips any field the contract does not name,
      // so a service can never leak a column (a password hash) to a transport by returning a whole row.
      const offloaded = deps.offload?.(channelName, parsed.data, actor, call) ?? null;
      // A heavy call works on another thread: a backup need not make way while it waits for that.
      if (offloaded) answered();
      const value = await (offloaded ??
        deps.grouped?.(channelName, () => handler(parsed.data, actor, call)) ??
        handler(parsed.data, actor, call));
      const checked = channel.output.safeParse(value);
      if (!checked.success) {
        throw new Error(
          `Output of ${channelName} does not match its schema: ${JSON.stringify(issuesOf(checked.error))}`,
        );
      }
      try {
        deps.onCommitted?.(channelName, parsed.data, checked.data, call);
      } catch (e) {
        // The write is done whatever happens to its notice: the caller gets its answer, the error is logged.
        deps.logError?.(e, channelName);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) {
        // Not a first login's calls before the password is changed: those are the screen's, not the user's.
        if (error.kind === 'forbidden' && actor && !actor.mustChangePassword) {
          try {
            deps.onRefused?.(actor, channelName, error.message, rawInput);
          } catch (e) {
            deps.logError?.(e, channelName);
          }
        }
        return { ok: false, error: error.toShape() };
      }
      deps.logError?.(error, channelName);
      // A full disk or a read-only file is not a bug: the person is told what to do about it.
      const named = storageFailure(error, deps.dbFile);
      if (named) return { ok: false, error: named.toShape() };
      return {
        ok: false,
        error: { kind: 'internal', message: 'Внутренняя ошибка программы. Сообщите администратору.' },
      };
    } finally {
      answered();
    }
  };
  // Everything the call writes to the audit log, a refusal included, names the computer it came from.
  return (channelName, rawInput, call) => withComputer(call.computer, () => dispatch(channelName, rawInput, call));
}
