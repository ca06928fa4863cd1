import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const pupilsHandlers = (s: Services): Handlers['pupils'] => ({
  classes: (_, actor) => s.pupils.classes(actor),
  list: (input, actor) => s.pupils.list(actor, input.classId),
  save: (input, actor) => s.pupils.save(actor, input),
});
