import type { Actor } from '../actor';
import type { AuditService } from './service';

/**
 * A screen or file that shows students' personal data (birth dates, file numbers) is logged as viewed, once per
 * call. A printed book with the personal-data pages is logged per student (print/audit.ts).
 */
export function auditPersonalView(
  audit: AuditService,
  actor: Actor | null,
  via: string,
  what: Record<string, unknown>,
  classId?: number,
): void {
  audit.record({
    userId: actor?.userId ?? null,
    action: 'student.view_personal',
    entity: classId ? 'class' : 'school',
    entityId: classId ?? null,
    newValue: { via, ...what },
  });
}
