import type { Actor } from '../actor';
import type { AuditService } from './service';

const positiveId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/**
 * A signed-in user's refused call in the log, since the log is to show every attempt, not only what succeeded: who, which channel,
 * the refusal. Only the ids the call named are kept (the lesson, the student, the class: the viewer's filters
 * then find the attempt under that class and student), never the rest of its input, which may be free text,
 * a password or a whole file. A cell's attempt is logged on the cell, as the writes it was refused are.
 */
export function recordRefusal(
  audit: AuditService,
  actor: Actor,
  channel: string,
  message: string,
  input: unknown,
): void {
  const given =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const ids = Object.fromEntries(Object.entries(given).filter(([k, v]) => k.endsWith('Id') && positiveId(v)));
  const cell = positiveId(ids.lessonId) && positiveId(ids.studentId);
  audit.record({
    userId: actor.userId,
    action: 'access.refused',
    entity: cell ? 'cell' : 'call',
    entityId: cell ? `${String(ids.lessonId)}:${String(ids.studentId)}` : channel,
    newValue: { channel, ...ids },
    reason: message,
  });
}
