import { AppError, errorNextSteps, errorTitles, refusalOf, refusals } from '../../../shared/errors';

export interface ShownError {
  title: string;
  message: string | null;
  /** What to do about it. */
  next: string | null;
}

/**
 * Any thrown thing as the lines a person reads: a title saying what kind of refusal it is (by the refusal the
 * service named, else by the kind), the server's message, and the next step.
 */
export function describeError(error: unknown): ShownError {
  if (!(error instanceof AppError) || error.kind === 'internal')
    return { title: errorTitles.internal, message: null, next: null };
  const refusal = error.kind === 'conflict' || error.kind === 'validation' ? refusalOf(error.details) : null;
  if (refusal) return { title: refusals[refusal].title, message: error.message, next: refusals[refusal].next };
  return { title: errorTitles[error.kind], message: error.message, next: errorNextSteps[error.kind] };
}

export const isUnauthorized = (error: unknown): boolean => error instanceof AppError && error.kind === 'unauthorized';

/** The server refused a call because the session is locked (see core/api/dispatch.ts). */
export const isSessionLocked = (error: unknown): boolean =>
  isUnauthorized(error) &&
  (error as AppError).details !== null &&
  typeof (error as AppError).details === 'object' &&
  ((error as AppError).details as { sessionLocked?: unknown }).sessionLocked === true;

export interface FieldIssue {
  path: string;
  message: string;
}

/** The `details.issues` a validation error carries (path joined with dots → Russian message). */
export function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof AppError) || error.kind !== 'validation') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue =>
      typeof (i as FieldIssue)?.path === 'string' && typeof (i as FieldIssue)?.message === 'string',
  );
}
