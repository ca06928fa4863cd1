import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const backupHandlers = (s: Services): Handlers['backup'] => ({
  status: () => s.backup.status(),
  warning: () => ({ warning: s.backup.warning(), mediaWarnings: s.backup.mediaWarnings() }),
  addDestination: (input, actor) => {
    s.backup.addDestination(actor, input);
    return null;
  },
  removeDestination: (input, actor) => {
    s.backup.removeDestination(actor, input);
    return null;
  },
  setSchedule: (input, actor) => {
    s.backup.setSchedule(actor, input);
    return null;
  },
  setRetention: (input, actor) => {
    s.backup.setRetention(actor, input);
    return null;
  },
  createKey: (input, actor) => s.backup.createKey(actor, input),
  chooseUnencrypted: (_input, actor) => {
    s.backup.chooseUnencrypted(actor);
    return null;
  },
  run: () => ({ startedAt: s.backup.start('manual') }),
  list: () => s.backup.list(),
  verify: (input) => s.backup.verify(input),
  restore: (input, actor) => s.backup.restore(actor, input),
});
