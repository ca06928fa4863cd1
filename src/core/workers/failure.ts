import { AppError, type AppErrorShape } from '../../shared/errors';

/** What a worker thread sends back of an error: its message (an Error does not cross to the parent whole). */
export function failureText(e: unknown): string {
  return String((e as Error | null | undefined)?.message || e);
}

/** A thread that ended without answering (killed, out of memory); said neutrally: the callers name the task. */
export function endedEarly(code: number): Error {
  return new Error(`работа прервана: поток завершился с кодом ${code}`);
}

/**
 * How a pool job's failure crosses back: an AppError whole (its kind and Russian message reach the person),
 * anything else as text with its `code` and `path` (SQLITE_FULL, ENOSPC), which the dispatcher names in Russian.
 */
export type JobFailure = { app: AppErrorShape } | { message: string; stack?: string; code?: string; path?: string };

export function failureOf(e: unknown): JobFailure {
  if (e instanceof AppError) return { app: e.toShape() };
  const { stack, code, path } = (e ?? {}) as { stack?: unknown; code?: unknown; path?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { message: failureText(e), stack: text(stack), code: text(code), path: text(path) };
}

export function errorOf(failure: JobFailure): Error {
  if ('app' in failure) return AppError.from(failure.app);
  const { message, ...rest } = failure;
  const error = Object.assign(
    new Error(message),
    Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  );
  return error;
}
