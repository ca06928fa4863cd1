import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const movementHandlers = (s: Services): Handlers['movement'] => ({
  classes: (input, actor) => s.movement.classes(actor, input),
  arrive: (input, actor) => s.movement.arrive(actor, input),
  transfer: (input, actor) => s.movement.transfer(actor, input),
  changeSubgroup: (input, actor) => s.movement.changeSubgroup(actor, input),
  leave: (input, actor) => s.movement.leave(actor, input),
  correct: (input, actor) => s.movement.correct(actor, input),
  cancel: (input, actor) => s.movement.cancel(actor, input),
  register: (input, actor) => s.movement.register(actor, input),
  registerFile: (input, actor) => s.movement.registerFile(actor, input.params, input.format),
});
