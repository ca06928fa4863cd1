import { accountOf, type Actor } from '../actor';
import type { AuditContext } from './context';
import type { AuditService } from './service';

/**
 * A file leaving the app for wherever the user saves it (a report of marks and names, the audit log itself):
 * the log says who took which one and what it held. The command line's actor has no account, so its entry is
 * written under the command and the OS account (origin.ts).
 */
export function recordExport(
  audit: AuditService,
  actor: Actor,
  report: string,
  details: Record<string, unknown>,
  context?: AuditContext,
): void {
  audit.record({
    userId: accountOf(actor),
    action: 'report.export',
    entity: 'report',
    entityId: report,
    newValue: details,
    context,
  });
}
