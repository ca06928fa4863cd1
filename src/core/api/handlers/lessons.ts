import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const lessonsHandlers = (s: Services): Handlers['lessons'] => ({
  update: (input, actor) => s.lessons.update(actor, input),
  add: (input, actor) => s.lessons.add(actor, input),
  move: (input, actor) => s.lessons.move(actor, input),
  teachers: () => s.lessons.teachers(),
});
