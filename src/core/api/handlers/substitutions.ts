import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const substitutionsHandlers = (s: Services): Handlers['substitutions'] => ({
  teachers: () => s.substitutions.teachers(),
  lessons: (input) => s.substitutions.lessons(input),
  list: (input) => s.substitutions.list(input),
  record: (input, actor) => s.substitutions.record(actor, input),
  cancel: (input, actor) => s.substitutions.cancel(actor, input.id),
});
