import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const lessonsHandlers = (s: Services): Handlers['lessons'] => ({
  update: (input, actor) => s.lessons.update(must(actor), input),
  add: (input, actor) => s.lessons.add(must(actor), input),
  move: (input, actor) => s.lessons.move(must(actor), input),
  teachers: () => s.lessons.teachers(),
});
