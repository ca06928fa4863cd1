import type { z } from 'zod';
import { issuesOf, type FieldIssue } from './errors';

/** Field path («admin.login») → the first Russian message about it. */
export type FieldErrors = Record<string, string>;

export function toFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}

/** Checks a form against the channel's own input schema, so the form and the server say the same thing. */
export function checkAgainst(schema: z.ZodType, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  return toFieldErrors(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/** The field errors a failed call carries (a server-side validation error), or none. */
export const fieldErrorsOf = (error: unknown): FieldErrors => toFieldErrors(issuesOf(error));
